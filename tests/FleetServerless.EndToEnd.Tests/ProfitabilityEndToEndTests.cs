namespace FleetServerless.EndToEnd.Tests;

/// <summary>
/// Profit figures on the demo's stack: the relay's batch, then the profitability sync against the simulated
/// network sources, then <c>GET /api/profitability</c>, checked against a hand computation.
/// </summary>
public sealed class ProfitabilityEndToEndTests
{
    [Fact]
    public async Task NetworkEstimate_MatchesHandComputation()
    {
        await using var stack = await TestStacks.StartAsync("e2eprofit", minerCount: 3, powerPriceUsdPerKwh: 0.10);

        await TestStacks.RunOneCycleAsync(stack);
        await stack.DevHost.Functions.RunTimerAsync("ProfitabilitySync", TestContext.Current.CancellationToken);
        var body = await TestStacks.GetJsonAsync(stack, "api/profitability");
        var network = body["fleet"]!["estimates"]!.AsArray()
            .Single(e => (string?)e!["estimateKind"] == "network estimate")!;

        // Expected coins per day = H * 86400 * reward / (difficulty * 2^32), with the simulator's values:
        // LTC difficulty 83,619,823.7186, reward 6.25 LTC at 85 USD; DOGE difficulty 20,000,000, reward
        // 10,000 DOGE at 0.20 USD.
        var hashrateHps = stack.Fleet.Expected.Sum(m => m.HashrateRealtimeHps);
        var ltcPerDay = hashrateHps * 86_400 * 6.25 / (83_619_823.7186 * Math.Pow(2, 32));
        var dogePerDay = hashrateHps * 86_400 * 10_000 / (20_000_000 * Math.Pow(2, 32));
        var grossUsd = ltcPerDay * 85 + dogePerDay * 0.20;
        var powerCostUsd = stack.Fleet.Expected.Sum(m => m.PowerWatts) * 24 / 1000.0 * 0.10;

        Assert.Equal("ok", (string?)network["status"]);
        Assert.Equal(grossUsd, (double)network["grossRevenueUsd"]!, precision: 6);
        Assert.Equal(powerCostUsd, (double)network["powerCostUsd"]!, precision: 6);
        Assert.Equal(grossUsd - powerCostUsd, (double)network["netProfitUsd"]!, precision: 6);
    }
}
