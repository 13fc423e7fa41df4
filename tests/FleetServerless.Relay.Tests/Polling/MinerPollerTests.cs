using System.Diagnostics;
using FleetServerless.Relay.Tests.Support;

namespace FleetServerless.Relay.Tests.Polling;

[Collection(TimingSensitive.Name)]
public sealed class MinerPollerTests : IDisposable
{
    /// <summary>The stated bound for a cycle with hanging miners: the miner timeout plus this margin.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MinerTimeout = TimeSpan.FromSeconds(1);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SixtyMiners_FiveHanging_OthersPresent()
    {
        var reader = new FakeMinerReader();
        var hanging = new[] { "miner-003", "miner-017", "miner-030", "miner-044", "miner-059" };
        reader.Hanging.UnionWith(hanging);
        await using var relay = TestRelay.Create(TestRelay.Settings(_directory.File("outbox.db"), null, minerCount: 60), reader);

        var started = Stopwatch.GetTimestamp();
        var cycle = await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var samples = cycle.Batch.Samples;
        Assert.True(elapsed < MinerTimeout + Margin, $"the cycle took {elapsed}, more than the miner timeout plus {Margin}");
        Assert.Equal(60, samples.Count);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"miner-{i:D3}"), samples.Select(s => s.MinerId));
        Assert.Equal(55, samples.Count(s => s.Answered));
        Assert.Equal(hanging, samples.Where(s => !s.Answered).Select(s => s.MinerId));
        Assert.All(samples.Where(s => !s.Answered), s => Assert.Contains("timed out", s.Error));
    }

    [Fact]
    public async Task HangingMiners_BoundedParallelism_CycleStillWithinTimeout()
    {
        var reader = new FakeMinerReader();
        reader.Hanging.UnionWith(["miner-000", "miner-001", "miner-002", "miner-003", "miner-004"]);
        var settings = TestRelay.Settings(_directory.File("outbox.db"), null, minerCount: 60);
        settings["Relay:MaxParallelPolls"] = "8";
        await using var relay = TestRelay.Create(settings, reader);

        var started = Stopwatch.GetTimestamp();
        var cycle = await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(elapsed < MinerTimeout + Margin, $"the cycle took {elapsed}, more than the miner timeout plus {Margin}");
        Assert.Equal(55, cycle.Batch.Samples.Count(s => s.Answered));
    }

    [Fact]
    public async Task FailingMiner_LoggedOnceWhileItStaysDown()
    {
        var reader = new FakeMinerReader();
        reader.Failing.Add("miner-001");
        await using var relay = TestRelay.Create(TestRelay.Settings(_directory.File("outbox.db"), null), reader);

        for (var i = 0; i < 3; i++)
        {
            await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        }

        var stopped = relay.Logs.Entries.Where(e => e.EventId.Id == 1110).ToList();
        var entry = Assert.Single(stopped);
        Assert.Contains("miner-001", entry.Message);
        Assert.Contains("127.0.1.2", entry.Message);
        Assert.Contains("site-test", entry.Message);
    }

    [Fact]
    public async Task RecoveredMiner_LogsRespondingAgain()
    {
        var reader = new FakeMinerReader();
        reader.Failing.Add("miner-002");
        await using var relay = TestRelay.Create(TestRelay.Settings(_directory.File("outbox.db"), null), reader);
        await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        reader.Failing.Clear();
        await relay.Pipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);

        Assert.Single(relay.Logs.Entries, e => e.EventId.Id == 1111);
    }
}
