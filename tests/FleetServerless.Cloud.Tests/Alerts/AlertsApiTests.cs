using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Tests.Alerts;

/// <summary>The alert routes in the DevHost: mutes, filters and errors.</summary>
public sealed class AlertsApiTests
{
    [Fact]
    public async Task Mute_CreateListDelete()
    {
        await using var host = await AlertDevHost.StartAsync([]);
        var token = TestContext.Current.CancellationToken;
        var until = DateTimeOffset.UtcNow.AddHours(2).ToString("O");

        using var created = await host.Client.PostAsync("api/alerts/mutes", Json($$"""{"siteId":"north","minerId":"rig-07","ruleId":"ChipTempHigh","until":"{{until}}","reason":"fan swap"}"""), token);
        var mute = JsonNode.Parse(await created.Content.ReadAsStringAsync(token))!;
        var id = mute["id"]!.GetValue<string>();
        var listed = JsonNode.Parse(await host.Client.GetStringAsync("api/alerts/mutes", token))!["mutes"]!.AsArray();
        using var deleted = await host.Client.DeleteAsync($"api/alerts/mutes/{id}", token);
        using var deletedAgain = await host.Client.DeleteAsync($"api/alerts/mutes/{id}", token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("chip-temp-high", mute["ruleId"]!.GetValue<string>());
        var only = Assert.Single(listed);
        Assert.Equal("rig-07", only!["minerId"]!.GetValue<string>());
        Assert.True(only["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Theory]
    [InlineData("""{"until":"2099-01-01T00:00:00Z"}""", "siteId")]
    [InlineData("""{"siteId":"north","ruleId":"no-such-rule","durationMinutes":30}""", "ruleId")]
    [InlineData("""{"siteId":"north","until":"2001-01-01T00:00:00Z"}""", "until")]
    [InlineData("""{"siteId":"north"}""", "until")]
    public async Task BadMute_IsRejectedNamingTheField(string body, string field)
    {
        await using var host = await AlertDevHost.StartAsync([]);

        using var response = await host.Client.PostAsync("api/alerts/mutes", Json(body), TestContext.Current.CancellationToken);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("api/alerts?view=everything", "view")]
    [InlineData("api/alerts?rule=chip-temp", "rule")]
    [InlineData("api/alerts?from=yesterday", "from")]
    [InlineData("api/alerts?limit=0", "limit")]
    [InlineData("api/alerts?kind=exploded", "kind")]
    public async Task BadQuery_IsRejectedNamingTheParameter(string path, string parameter)
    {
        await using var host = await AlertDevHost.StartAsync([]);

        using var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, problem["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Alerts_WithoutKey_Is401()
    {
        await using var host = await AlertDevHost.StartAsync([]);
        using var client = new HttpClient { BaseAddress = host.Host.BaseAddress };

        using var response = await client.GetAsync("api/alerts", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ActiveAlerts_FilterByMinerAndRule()
    {
        await using var host = await AlertDevHost.StartAsync([new("Alerts:Rules:ChipTempCritical:Sustain", "00:00:00")]);
        var at = DateTimeOffset.UtcNow.AddSeconds(-5);
        await host.IngestAsync(new FleetServerless.Core.Telemetry.TelemetryBatch
        {
            SiteId = "north",
            RelayId = "relay-1",
            BatchId = "relay-1-1",
            Sequence = 1,
            CreatedAt = at,
            Samples =
            [
                Hot("rig-01", at, 95),
                Hot("rig-02", at, 96),
            ],
        });
        var token = TestContext.Current.CancellationToken;

        var all = JsonNode.Parse(await host.Client.GetStringAsync("api/alerts?view=active", token))!["active"]!.AsArray();
        var one = JsonNode.Parse(await host.Client.GetStringAsync("api/alerts?view=active&miner=rig-02&rule=chip-temp-critical", token))!["active"]!.AsArray();

        Assert.Equal(2, all.Count(a => a!["ruleId"]!.GetValue<string>() == "chip-temp-critical"));
        var alert = Assert.Single(one);
        Assert.Equal(96, alert!["value"]!.GetValue<double>());
        Assert.Equal("127.0.0.12", alert["host"]!.GetValue<string>());
        Assert.Equal("firing", alert["status"]!.GetValue<string>());
    }

    private static FleetServerless.Core.Telemetry.MinerSample Hot(string minerId, DateTimeOffset at, double chipTempC) => new()
    {
        MinerId = minerId,
        Host = "127.0.0.12",
        CollectedAt = at,
        Answered = true,
        Algorithm = "scrypt",
        State = FleetServerless.Core.Telemetry.MinerStates.Mining,
        HashrateRealtimeHps = 9.5e9,
        ChipTempMaxC = chipTempC,
    };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
