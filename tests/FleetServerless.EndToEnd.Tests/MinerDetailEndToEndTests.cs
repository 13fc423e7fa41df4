using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetServerless.Demo;
using FleetServerless.Testing;

namespace FleetServerless.EndToEnd.Tests;

/// <summary>
/// The miner detail route on the demo's stack with the simulated ViaBTC pool: the pool's view of the miner's worker
/// and the miner's active alerts are part of the answer.
/// </summary>
public sealed class MinerDetailEndToEndTests
{
    [Fact]
    public async Task MinerDetail_ShowsPoolSideAndAlerts()
    {
        var storage = await TestStorage.RequireConnectionStringAsync();
        var cancellation = TestContext.Current.CancellationToken;
        await using var stack = await DemoStack.StartAsync(
            new DemoOptions
            {
                MinerCount = 3,
                MinerTimeout = TimeSpan.FromSeconds(10),
                PollInterval = TimeSpan.FromSeconds(30),
                TablePrefix = TestStorage.UniqueName("e2edetail"),
                StartRelayWorker = false,
                TimersEnabled = false,
                PoolProvider = "viabtc",
            },
            storage,
            cancellation);

        await stack.RelayPipeline.RunPollCycleAsync(cancellation);
        await stack.RelayPipeline.PublishAsync(cancellation);
        await stack.DevHost.Functions.RunTimerAsync("ProfitabilitySync", cancellation);

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-functions-key", stack.DevHost.ApiKey);
        var mac = stack.Fleet.Miners[0].Mac.ToUpperInvariant();
        var detail = await http.GetFromJsonAsync<JsonObject>(new Uri(stack.DevHost.BaseAddress, $"api/miners/{mac}"), cancellation);

        var poolSide = detail!["poolSide"];
        Assert.NotNull(poolSide);
        Assert.True((bool)poolSide["seenByPool"]!);

        // The demo's pool simulator reports each worker at 97 % of its miner's hashrate.
        Assert.Equal(0.97, (double)poolSide["ratio"]!, precision: 2);

        var alerts = detail["activeAlerts"];
        Assert.NotNull(alerts);
        Assert.Empty(alerts.AsArray());
    }
}
