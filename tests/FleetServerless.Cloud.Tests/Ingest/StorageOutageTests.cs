using System.Net;
using System.Net.Http.Headers;
using FleetServerless.Core.Telemetry;
using FleetServerless.DevHost;
using FleetServerless.DevHost.Local;
using FleetServerless.Testing;

namespace FleetServerless.Cloud.Tests.Ingest;

/// <summary>Ingest while Table Storage cannot be reached: the relay must get a 503 to retry on, not a crash.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Ingest_StorageUnreachable_Returns503Problem()
    {
        // Nothing listens on this loopback port, so every storage call is refused.
        var closedPort = LoopbackPorts.GetFreeTcpPort();
        await using var host = await DevHostApp.StartAsync(
        [
            new("Storage:ConnectionString", AzuriteProcess.CreateConnectionString(closedPort, closedPort, closedPort)),
            new("Storage:TablePrefix", TestStorage.UniqueName("outage")),
            new("DevHost:ApiKey", "outage-test-key-0001"),
            new("DevHost:TimersEnabled", "false"),
            new("DevHost:QueuesEnabled", "false"),
        ], cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var body = new ByteArrayContent(TelemetryJson.SerializeToUtf8Bytes(TestBatches.Cycle(1) with { CreatedAt = DateTimeOffset.UtcNow }));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        http.DefaultRequestHeaders.Add("x-functions-key", "outage-test-key-0001");

        using var response = await http.PostAsync("api/ingest", body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not be reached", text);
        Assert.DoesNotContain("AccountKey", text);
    }
}
