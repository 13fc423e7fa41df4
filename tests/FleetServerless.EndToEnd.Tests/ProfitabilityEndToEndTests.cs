using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetServerless.Demo;
using FleetServerless.Testing;

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
        var storage = await TestStorage.RequireConnectionStringAsync();
        var cancellation = TestContext.Current.CancellationToken;
        await using var stack = await DemoStack.StartAsync(
            new DemoOptions
            {
                MinerCount = 3,
                MinerTimeout = TimeSpan.FromSeconds(10),
                PollInterval = TimeSpan.FromSeconds(30),
                TablePrefix = TestStorage.UniqueName("e2eprofit"),
                StartRelayWorker = false,
                TimersEnabled = false,
                PowerPriceUsdPerKwh = 0.10,
            },
            storage,
            cancellation);

        await stack.RelayPipeline.RunPollCycleAsync(cancellation);
        await stack.RelayPipeline.PublishAsync(cancellation);
        await stack.DevHost.Functions.RunTimerAsync("ProfitabilitySync", cancellation);

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-functions-key", stack.DevHost.ApiKey);
        var body = await http.GetFromJsonAsync<JsonObject>(new Uri(stack.DevHost.BaseAddress, "api/profitability"), cancellation);
        var network = body!["fleet"]!["estimates"]!.AsArray()
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
