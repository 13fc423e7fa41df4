using System.Net;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Simulator.Tests;

/// <summary>The simulator's web API responses checked against the vendor's OpenAPI component schemas of 1.2.6 and 1.3.4.</summary>
public sealed class VnishSchemaTests
{
    public static TheoryData<string, SimulatedMinerKind, MinerFaults> Cases => new()
    {
        { "1.2.6", SimulatedMinerKind.ScryptL7, MinerFaults.None },
        { "1.2.6", SimulatedMinerKind.Sha256S19, MinerFaults.None },
        { "1.2.6", SimulatedMinerKind.ScryptL7, MinerFaults.Failure },
        { "1.2.6", SimulatedMinerKind.ScryptL7, MinerFaults.Hydro },
        { "1.2.6", SimulatedMinerKind.ScryptL7, MinerFaults.LostFan | MinerFaults.MissingBoard },
        { "1.2.6", SimulatedMinerKind.ScryptL7, MinerFaults.Starting },
        { "1.3.4", SimulatedMinerKind.ScryptL7, MinerFaults.None },
        { "1.3.4", SimulatedMinerKind.Sha256S19, MinerFaults.None },
        { "1.3.4", SimulatedMinerKind.ScryptL7, MinerFaults.Failure },
        { "1.3.4", SimulatedMinerKind.ScryptL7, MinerFaults.Hydro },
        { "1.3.4", SimulatedMinerKind.ScryptL7, MinerFaults.Starting },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_MatchVendorSchemas(string firmware, SimulatedMinerKind kind, MinerFaults faults)
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions
        {
            Count = 1,
            Kind = kind,
            FirmwareVersion = firmware,
            Configure = (_, setup) => setup.Faults = faults,
        }, cancellationToken: TestContext.Current.CancellationToken);
        var miner = fleet[0];
        using var client = new SimulatorClient();
        var token = await client.UnlockTokenAsync(miner);

        var (_, info) = await client.GetAsync(miner, "info");
        Assert.Empty(VendorSchema.Validate(firmware, "InfoJson", info));

        var (_, status) = await client.GetAsync(miner, "status");
        Assert.Empty(VendorSchema.Validate(firmware, "StatusPane", status));

        var (summaryStatus, summary) = await client.GetAsync(miner, "summary", token);
        Assert.Equal(HttpStatusCode.OK, summaryStatus);
        Assert.Empty(VendorSchema.Validate(firmware, "Summary", summary));

        var boardPath = firmware.StartsWith("1.3", StringComparison.Ordinal) ? "boards" : "chains";
        var boardSchema = firmware.StartsWith("1.3", StringComparison.Ordinal) ? "AntmBoardChips" : "AntmChainChips";
        var (_, boards) = await client.GetAsync(miner, boardPath);
        Assert.Empty(VendorSchema.ValidateArray(firmware, boardSchema, boards));

        var (_, perf) = await client.GetAsync(miner, "perf-summary");
        Assert.Empty(VendorSchema.Validate(firmware, "PerfSummary", perf));
    }

    [Theory]
    [InlineData("1.2.6")]
    [InlineData("1.3.4")]
    public async Task UnlockAnswers_MatchVendorSchemas(string firmware)
    {
        await using var fleet = await SimulatedFleet.StartAsync(new SimulatedFleetOptions
        {
            Count = 1,
            FirmwareVersion = firmware,
            WrongPasswordsBeforeLockout = 2,
        }, cancellationToken: TestContext.Current.CancellationToken);
        var miner = fleet[0];
        using var client = new SimulatorClient();

        var (okStatus, ok) = await client.UnlockAsync(miner, miner.Password);
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Empty(VendorSchema.Validate(firmware, "UnlockSuccess", ok));

        var (wrongStatus, wrong) = await client.UnlockAsync(miner, "not-the-password");
        Assert.Equal(HttpStatusCode.Forbidden, wrongStatus);
        Assert.Empty(VendorSchema.Validate(firmware, "AuthCheck", wrong));

        var (lockedStatus, locked) = await client.UnlockAsync(miner, "not-the-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedStatus);
        Assert.Empty(VendorSchema.Validate(firmware, "AuthCheck", locked));
    }

    [Fact]
    public async Task SchemaCheck_RejectsWrongAnswer()
    {
        // Guards the check itself: a response with a wrong type must fail, or the tests above prove nothing.
        var wrong = System.Text.Json.Nodes.JsonNode.Parse("""{"miner":{"hr_realtime":"fast"}}""");
        Assert.NotEmpty(VendorSchema.Validate("1.2.6", "Summary", wrong));
        await Task.CompletedTask;
    }
}
