using System.Text.Json.Nodes;
using System.Net.Http.Json;
using FleetServerless.Core.Telemetry;
using FleetServerless.DevHost;
using FleetServerless.Simulator.Pools;
using FleetServerless.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Profitability;

/// <summary>The profitability sync and API in the DevHost, with every source on the loopback simulator.</summary>
public sealed class ProfitabilityDevHostTests
{
    private const string ApiKey = "profitability-test-key-0123456789";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<RunningDevHost> StartDevHostAsync(PoolSimulator simulator, string provider, string prohashingSource = "Wamp")
    {
        var connection = await TestStorage.RequireConnectionStringAsync();
        var settings = new Dictionary<string, string?>(simulator.CloudSettings(provider, prohashingSource))
        {
            ["Storage:ConnectionString"] = connection,
            ["Storage:TablePrefix"] = TestStorage.UniqueName("prof"),
            ["DevHost:ApiKey"] = ApiKey,
            ["DevHost:TimersEnabled"] = "false",
            ["Profitability:DefaultSite:PowerPriceUsdPerKwh"] = "0.08",
            ["Profitability:DefaultSite:RevenueSource"] = "Both",
        };
        return await DevHostApp.StartAsync(settings, cancellationToken: Token);
    }

    private static async Task<JsonNode> GetProfitabilityAsync(RunningDevHost devHost)
    {
        using var http = new HttpClient { BaseAddress = devHost.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/profitability");
        request.Headers.Add("x-functions-key", ApiKey);
        using var response = await http.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"GET /api/profitability returned {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Posts one batch of twelve L7s (users <c>acme.rig01</c> to <c>acme.rig12</c>) through the ingest route.</summary>
    private static async Task IngestTwelveL7sAsync(RunningDevHost devHost)
    {
        var samples = await FakeMinerDataReader.TwelveL7s().GetLatestAsync(Token);
        var batch = new TelemetryBatch
        {
            SiteId = "site-a",
            RelayId = "relay-1",
            BatchId = Guid.NewGuid().ToString("N"),
            Sequence = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            Samples = samples.Select(s => s.Sample).ToList(),
        };
        using var http = new HttpClient { BaseAddress = devHost.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ingest") { Content = JsonContent.Create(batch, options: TelemetryJson.Options) };
        request.Headers.Add("x-functions-key", ApiKey);
        using var response = await http.SendAsync(request, Token);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/ingest returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)}");
    }

    private static JsonNode Estimate(JsonNode body, string kind) =>
        body["sites"]![0]!["estimates"]!.AsArray().Single(e => e!["profit"]!["estimateKind"]!.GetValue<string>() == kind)!;

    [Fact]
    public async Task Api_WithoutKey_IsRejected()
    {
        await using var simulator = await PoolSimulator.StartAsync();
        await using var devHost = await StartDevHostAsync(simulator, "none");
        using var http = new HttpClient { BaseAddress = devHost.BaseAddress };

        using var response = await http.GetAsync("api/profitability", Token);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WampPool_StatusShownInApi()
    {
        await using var simulator = await PoolSimulator.StartAsync();
        await using var devHost = await StartDevHostAsync(simulator, "prohashing", "Wamp");
        var sync = devHost.Services.GetRequiredService<Cloud.Profitability.ProfitabilitySync>();

        await sync.RunAsync(Token);
        var body = await GetProfitabilityAsync(devHost);

        Assert.Equal("prohashing", body["pool"]!["provider"]!.GetValue<string>());
        Assert.Equal("wamp", body["pool"]!["source"]!.GetValue<string>());
        Assert.False(body["pool"]!["isStale"]!.GetValue<bool>());
        Assert.Equal(12, body["pool"]!["workerCount"]!.GetValue<int>());
        Assert.Equal(1, simulator.Router.SessionsWelcomed);
    }

    [Fact]
    public async Task NetworkEstimate_WorksWithoutPool()
    {
        await using var simulator = await PoolSimulator.StartAsync();
        await using var devHost = await StartDevHostAsync(simulator, "none");
        await IngestTwelveL7sAsync(devHost);

        var body = await GetProfitabilityAsync(devHost);

        var network = Estimate(body, "network estimate");
        Assert.Null(body["pool"]);
        Assert.Equal("ok", network["status"]!.GetValue<string>());
        Assert.Equal("blockchair, configuration, whattomine", network["source"]!.GetValue<string>());
        Assert.True(network["profit"]!["grossRevenueUsd"]!.GetValue<double>() > 0);
        Assert.Equal(78.912, network["profit"]!["powerCostUsd"]!.GetValue<double>(), 6);
        Assert.Equal("unknown", Estimate(body, "pool estimate")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ViaBtc_ComparisonInApiMatchesFleet()
    {
        await using var simulator = await PoolSimulator.StartAsync();
        await using var devHost = await StartDevHostAsync(simulator, "viabtc");
        await IngestTwelveL7sAsync(devHost);
        var sync = devHost.Services.GetRequiredService<Cloud.Profitability.ProfitabilitySync>();

        await sync.RunAsync(Token);
        var body = await GetProfitabilityAsync(devHost);

        Assert.Equal(1.0, body["comparison"]!["fleetRatio"]!.GetValue<double>(), 9);
        Assert.Equal(12, body["comparison"]!["miners"]!.AsArray().Count);
        Assert.Empty(body["comparison"]!["unseenMiners"]!.AsArray());
        Assert.NotNull(Estimate(body, "network estimate")["profit"]!["netProfitUsd"]);
    }
}
