using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Ingest;

/// <summary>
/// A miner that fails its first poll is reported under its configured name, then under its MAC once it answers.
/// Latest state must show one miner, not two, whichever batch arrives first.
/// </summary>
public sealed class MinerIdentityTests
{
    private const string Mac = "02:00:00:00:00:07";

    [Fact]
    public async Task NameThenMac_LeavesOneMiner()
    {
        await using var services = await IngestServices.CreateAsync("identity");

        await services.IngestAsync(FirstCycleUnanswered());
        await services.IngestAsync(SecondCycleAnswered());

        var rows = await LatestRowsAsync(services);
        var row = Assert.Single(rows);
        Assert.Equal(Mac, row.RowKey);
        Assert.True(row.Answered);
    }

    [Fact]
    public async Task MacThenLateName_LeavesOneMiner()
    {
        await using var services = await IngestServices.CreateAsync("identitylate");

        await services.IngestAsync(SecondCycleAnswered());
        await services.IngestAsync(FirstCycleUnanswered());

        var rows = await LatestRowsAsync(services);
        var row = Assert.Single(rows);
        Assert.Equal(Mac, row.RowKey);
    }

    [Fact]
    public async Task OtherHostUnanswered_IsKept()
    {
        await using var services = await IngestServices.CreateAsync("identityother");
        var other = TestBatches.Cycle(1, minerCount: 0) with
        {
            Samples = [TestBatches.Sample("rig-09", TestBatches.Start, answered: false)],
        };

        await services.IngestAsync(other);
        await services.IngestAsync(SecondCycleAnswered());

        var rows = await LatestRowsAsync(services);
        Assert.Equal(2, rows.Count);
    }

    private static TelemetryBatch FirstCycleUnanswered() => TestBatches.Cycle(1, minerCount: 0) with
    {
        Samples = [TestBatches.Sample("rig-07", TestBatches.Start, answered: false)],
    };

    private static TelemetryBatch SecondCycleAnswered() => TestBatches.Cycle(2, minerCount: 0) with
    {
        Samples = [TestBatches.Sample(Mac, TestBatches.Start.AddSeconds(30)) with { Host = TestBatches.HostOf("rig-07") }],
    };

    private static async Task<List<LatestStateEntity>> LatestRowsAsync(IngestServices services)
    {
        var store = services.Services.GetRequiredService<LatestStateStore>();
        var result = await store.GetAllAsync(TestContext.Current.CancellationToken);
        return result.Items.ToList();
    }
}
