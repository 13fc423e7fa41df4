using System.Net;
using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Tests.Ingest;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using FleetServerless.DevHost.Hosting;

namespace FleetServerless.Cloud.Tests.Api;

/// <summary>Every keyed route of the DevHost answers 401 without a valid key and reveals no fleet data.</summary>
public sealed class OwnerApiKeyTests
{
    private const string SiteId = "site-secret-7";
    private const string MinerId = "miner-secret-42";

    public static TheoryData<string> BadKeys => new() { "", "wrong-key-0123456789", DevHostFixture.ApiKey + "x", DevHostFixture.ApiKey.ToUpperInvariant() };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task KeyedRoutes_WithoutValidKey_Return401AndNoData(string key)
    {
        await using var host = await DevHostFixture.StartAsync();
        await IngestSecretMinerAsync(host);
        using var anonymous = new HttpClient { BaseAddress = host.Host.BaseAddress };
        var registry = host.Host.Services.GetRequiredService<FunctionRegistry>();
        var keyed = registry.Functions.Where(f => f.Trigger == FunctionTrigger.Http && f.AuthLevel != FunctionAuthLevel.Anonymous).ToList();
        Assert.Contains(keyed, f => f.Route == "miners/{id}");
        Assert.Contains(keyed, f => f.Route == "dashboard");

        foreach (var function in keyed)
        {
            foreach (var viaQuery in new[] { false, true })
            {
                using var request = CreateRequest(function, key, viaQuery);
                using var response = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var what = $"{function.Name} ({(viaQuery ? "code parameter" : "header")} '{key}')";

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what} answered {(int)response.StatusCode}.");
                Assert.False(body.Contains(SiteId, StringComparison.OrdinalIgnoreCase), $"{what} revealed the site id.");
                Assert.False(body.Contains(MinerId, StringComparison.OrdinalIgnoreCase), $"{what} revealed the miner id.");
                Assert.False(body.Contains("9500000000", StringComparison.Ordinal), $"{what} revealed a hashrate.");
                Assert.False(body.Contains(DevHostFixture.ApiKey, StringComparison.OrdinalIgnoreCase), $"{what} revealed the key.");
                Assert.False(body.Contains("<script", StringComparison.OrdinalIgnoreCase), $"{what} served the page.");
            }
        }
    }

    [Fact]
    public async Task RejectedIngest_WithoutKey_StoresNothing()
    {
        await using var host = await DevHostFixture.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Host.BaseAddress };
        var batch = TestBatches.Cycle(1, minerCount: 1, siteId: SiteId, start: DateTimeOffset.UtcNow.AddSeconds(-5));

        using var posted = await anonymous.PostAsync("api/ingest", DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(batch)), TestContext.Current.CancellationToken);
        using var miners = await host.Client.GetAsync("api/miners", TestContext.Current.CancellationToken);
        var list = await miners.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, miners.StatusCode);
        Assert.DoesNotContain(SiteId, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WithoutKey_RevealsOnlyStatus()
    {
        await using var host = await DevHostFixture.StartAsync();
        await IngestSecretMinerAsync(host);
        using var anonymous = new HttpClient { BaseAddress = host.Host.BaseAddress };

        using var response = await anonymous.GetAsync("api/health", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(SiteId, body, StringComparison.Ordinal);
        Assert.DoesNotContain(MinerId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Storage", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task KeyedRoutes_WithKey_AreNot401()
    {
        await using var host = await DevHostFixture.StartAsync();
        await IngestSecretMinerAsync(host);
        string[] routes =
        [
            OwnerApiRoutes.Miners, OwnerApiRoutes.Miner, OwnerApiRoutes.MinerHistory, OwnerApiRoutes.FleetHistory,
            OwnerApiRoutes.Export, OwnerApiRoutes.Dashboard,
        ];

        foreach (var route in routes)
        {
            using var response = await host.Client.GetAsync("api/" + ConcreteRoute(route), TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} answered {(int)response.StatusCode} with the key.");
        }
    }

    private static async Task IngestSecretMinerAsync(DevHostFixture host)
    {
        var batch = TestBatches.Cycle(1, minerCount: 1, siteId: SiteId, start: DateTimeOffset.UtcNow.AddSeconds(-5));
        batch = batch with { Samples = [batch.Samples[0] with { MinerId = MinerId }] };
        using var posted = await host.Client.PostAsync("api/ingest", DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(batch)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    private static HttpRequestMessage CreateRequest(FunctionDescriptor function, string key, bool viaQuery)
    {
        var path = "api/" + ConcreteRoute(function.Route!);
        if (viaQuery)
        {
            path += "?code=" + Uri.EscapeDataString(key);
        }

        var method = function.Methods.Contains("get") ? HttpMethod.Get : new HttpMethod(function.Methods[0].ToUpperInvariant());
        var request = new HttpRequestMessage(method, path);
        if (!viaQuery && key.Length > 0)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (method != HttpMethod.Get)
        {
            var batch = TestBatches.Cycle(2, minerCount: 1, siteId: SiteId, start: DateTimeOffset.UtcNow.AddSeconds(-5));
            request.Content = DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(batch));
        }

        return request;
    }

    /// <summary>A route with its parameters filled: the secret miner and the first export dataset.</summary>
    internal static string ConcreteRoute(string route) =>
        route.Replace("{id}", MinerId, StringComparison.Ordinal).Replace("{dataset}", "fleet-5m", StringComparison.Ordinal);
}
