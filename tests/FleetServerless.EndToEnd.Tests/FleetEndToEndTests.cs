using System.Net;
using System.Text.Json.Nodes;
using FleetServerless.Demo;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.EndToEnd.Tests;

/// <summary>
/// The simulator, the relay, the DevHost and Azurite, all real and on loopback. Each test drives the relay one
/// cycle at a time, so the assertions do not depend on the poll cadence.
/// </summary>
public sealed class FleetEndToEndTests
{
    private static readonly TimeSpan MinerTimeout = TestStacks.MinerTimeout;

    [Fact]
    public async Task OnePollCycle_ReportsSimulatedTotals()
    {
        await using var stack = await StartStackAsync(minerCount: 12);
        var expected = stack.Fleet.Expected;

        var cycle = await stack.RelayPipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        var forwarded = await stack.RelayPipeline.PublishAsync(TestContext.Current.CancellationToken);
        var overall = await GetOverallAsync(stack);

        Assert.Equal(12, cycle.AnsweredCount);
        Assert.True(forwarded.Succeeded, $"publishing failed: {forwarded.Failure}");
        Assert.Equal(12, (int)overall["minersTotal"]!);
        Assert.Equal(12, (int)overall["minersAnswering"]!);
        Assert.Equal(12, (int)overall["minersMining"]!);

        // The miners report MH/s; the contract and the API carry H/s, converted once in the relay's client.
        var expectedHps = expected.Sum(m => m.HashrateRealtimeHps);
        Assert.Equal(expectedHps, (double)overall["hashrateRealtimeHps"]!, precision: 0);
        Assert.Equal("MH/s", expected[0].HashrateUnit);

        // Twelve L7s make about 114 GH/s, which the API shows in GH/s: the sum of the miners' MH/s over 1,000.
        Assert.Equal("GH/s", (string?)overall["hashrateDisplayUnit"]);
        Assert.Equal(expected.Sum(m => m.HashrateRealtime) / 1000, (double)overall["hashrateDisplay"]!, precision: 6);
        Assert.Equal(expected.Sum(m => m.PowerWatts), (double)overall["powerWatts"]!, precision: 3);

        var expectedJoulesPerGigahash = expected.Sum(m => m.PowerWatts) / (expectedHps / 1e9);
        Assert.Equal(expectedJoulesPerGigahash, (double)overall["efficiencyJoulesPerGigahash"]!, precision: 6);
    }

    [Fact]
    public async Task HangingMiner_DoesNotDelayOthers()
    {
        await using var stack = await StartStackAsync(minerCount: 6);
        stack.Fleet.SetFault(2, MinerFaults.Hanging, enabled: true);
        var cycleStart = DateTimeOffset.UtcNow;

        var cycle = await stack.RelayPipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        await stack.RelayPipeline.PublishAsync(TestContext.Current.CancellationToken);
        var overall = await GetOverallAsync(stack);

        var hanging = Assert.Single(cycle.Batch.Samples, s => s.Host == stack.Fleet.Miners[2].Host);
        Assert.False(hanging.Answered);
        Assert.False(string.IsNullOrWhiteSpace(hanging.Error));

        // The five others were read concurrently: none waited for the hanging miner's timeout to end.
        var others = cycle.Batch.Samples.Where(s => s.Host != hanging.Host).ToList();
        Assert.Equal(5, others.Count(s => s.Answered));
        Assert.All(others, s => Assert.True(s.CollectedAt - cycleStart < MinerTimeout,
            $"{s.Host} was collected {(s.CollectedAt - cycleStart).TotalSeconds:0.0} s after the cycle started"));

        Assert.Equal(6, (int)overall["minersTotal"]!);
        Assert.Equal(5, (int)overall["minersAnswering"]!);
        Assert.Equal(5, (int)overall["minersMining"]!);
    }

    [Fact]
    public async Task FleetRoute_WithoutKey_Returns401()
    {
        await using var stack = await StartStackAsync(minerCount: 1);
        using var http = new HttpClient();

        using var response = await http.GetAsync(stack.FleetUri, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<DemoStack> StartStackAsync(int minerCount) => TestStacks.StartAsync("e2e", minerCount);

    private static async Task<JsonNode> GetOverallAsync(DemoStack stack) =>
        (await TestStacks.GetJsonAsync(stack, "api/fleet"))["overall"]
        ?? throw new InvalidOperationException("GET /api/fleet returned no 'overall' object.");
}
