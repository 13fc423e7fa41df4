using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetServerless.Demo;
using FleetServerless.Testing;

namespace FleetServerless.EndToEnd.Tests;

/// <summary>
/// The demo's stack as the end-to-end tests start it: on the shared Azurite, with tables of its own, the relay
/// driven one cycle at a time and the DevHost's timers off, so tests run functions when they choose.
/// </summary>
internal static class TestStacks
{
    /// <summary>Long enough for a healthy miner on a loaded 2-core machine; a hanging miner costs exactly this.</summary>
    public static readonly TimeSpan MinerTimeout = TimeSpan.FromSeconds(10);

    public const string ApiKey = "end-to-end-test-key";

    public static async Task<DemoStack> StartAsync(string name, int minerCount, string poolProvider = "none", double powerPriceUsdPerKwh = 0.08)
    {
        var storage = await TestStorage.RequireConnectionStringAsync();
        return await DemoStack.StartAsync(
            new DemoOptions
            {
                MinerCount = minerCount,
                MinerTimeout = MinerTimeout,
                PollInterval = TimeSpan.FromSeconds(30),
                TablePrefix = TestStorage.UniqueName(name),
                ApiKey = ApiKey,
                StartRelayWorker = false,
                TimersEnabled = false,
                PoolProvider = poolProvider,
                PowerPriceUsdPerKwh = powerPriceUsdPerKwh,
            },
            storage,
            TestContext.Current.CancellationToken);
    }

    /// <summary>Polls every miner once and posts the batch to the DevHost's ingest route.</summary>
    public static async Task RunOneCycleAsync(DemoStack stack)
    {
        await stack.RelayPipeline.RunPollCycleAsync(TestContext.Current.CancellationToken);
        await stack.RelayPipeline.PublishAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>GETs a route of the DevHost with its key and returns the JSON object.</summary>
    public static async Task<JsonObject> GetJsonAsync(DemoStack stack, string route)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-functions-key", stack.DevHost.ApiKey);
        return await http.GetFromJsonAsync<JsonObject>(new Uri(stack.DevHost.BaseAddress, route), TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"GET {route} returned no JSON object.");
    }
}
