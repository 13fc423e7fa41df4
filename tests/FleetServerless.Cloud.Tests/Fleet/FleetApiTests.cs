using System.Net;
using System.Text.Json;
using FleetServerless.Cloud.Tests.Ingest;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Tests.Fleet;

public sealed class FleetApiTests
{
    [Fact]
    public async Task Fleet_AfterIngest_ReportsTotalsPerSiteAndOverall()
    {
        await using var host = await DevHostFixture.StartAsync();
        var now = DateTimeOffset.UtcNow.AddSeconds(-5);
        var siteA = TestBatches.Cycle(1, minerCount: 3, siteId: "site-a", start: now);
        var siteB = TestBatches.Cycle(1, minerCount: 2, siteId: "site-b", relayId: "relay-b", start: now);
        foreach (var batch in new[] { siteA, siteB })
        {
            using var posted = await host.Client.PostAsync("api/ingest", DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(batch)), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        using var response = await host.Client.GetAsync("api/fleet", TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overall = body.GetProperty("overall");
        Assert.Equal(5, overall.GetProperty("minersTotal").GetInt32());
        Assert.Equal(5, overall.GetProperty("minersMining").GetInt32());
        Assert.Equal(5 * 9.5e9, overall.GetProperty("hashrateRealtimeHps").GetDouble());
        Assert.Equal("MH/s", overall.GetProperty("hashrateDisplayUnit").GetString());
        Assert.Equal(47_500, overall.GetProperty("hashrateDisplay").GetDouble(), precision: 6);
        Assert.Equal(5 * 3425.0, overall.GetProperty("powerWatts").GetDouble());
        Assert.True(overall.GetProperty("dataAgeSeconds").GetDouble() < 120);
        var sites = body.GetProperty("sites");
        Assert.Equal(2, sites.GetArrayLength());
        Assert.Equal("site-a", sites[0].GetProperty("siteId").GetString());
        Assert.Equal(3, sites[0].GetProperty("minersTotal").GetInt32());
        Assert.Equal(2, sites[1].GetProperty("minersTotal").GetInt32());
    }

    [Fact]
    public async Task Fleet_AfterRollups_ReportsUptimeOverWindow()
    {
        await using var host = await DevHostFixture.StartAsync();
        var now = DateTimeOffset.UtcNow.AddSeconds(-5);
        var batch = TestBatches.Cycle(1, minerCount: 2, start: now);
        using (var posted = await host.Client.PostAsync("api/ingest", DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(batch)), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        await host.Host.Functions.RunTimerAsync("BuildRollups", TestContext.Current.CancellationToken);
        using var response = await host.Client.GetAsync("api/fleet", TestContext.Current.CancellationToken);
        var overall = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("overall");

        // Two miners answered and mined in one minute each, out of 2 miners x 1440 minutes.
        Assert.Equal(100.0 * 2 / 2880, overall.GetProperty("uptimeReachablePercent").GetDouble(), precision: 9);
        Assert.Equal(100.0 * 2 / 2880, overall.GetProperty("uptimeHashingPercent").GetDouble(), precision: 9);
        Assert.Equal(86_400, overall.GetProperty("uptimeWindowSeconds").GetDouble());
    }

    [Fact]
    public async Task Fleet_WithoutKey_Returns401()
    {
        await using var host = await DevHostFixture.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Host.BaseAddress };

        using var response = await anonymous.GetAsync("api/fleet", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
