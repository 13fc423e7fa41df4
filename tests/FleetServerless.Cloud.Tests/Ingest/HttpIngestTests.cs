using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Tests.Ingest;

public sealed class HttpIngestTests
{
    [Fact]
    public async Task Ingest_ValidBatch_StoresLatestAndSamples()
    {
        await using var host = await DevHostFixture.StartAsync();
        var batch = TestBatches.Cycle(1, minerCount: 3);

        using var response = await host.Client.PostAsync("api/ingest", DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(batch)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await host.Tables.DumpAsync(TableNames.Latest)).Count);
        Assert.Equal(3, (await host.Tables.DumpAsync(TableNames.Samples)).Count);
        Assert.Single(await host.Tables.DumpAsync(TableNames.Relays));
    }

    [Fact]
    public async Task Ingest_GzipBody_IsDecompressed()
    {
        await using var host = await DevHostFixture.StartAsync();
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(TelemetryJson.SerializeToUtf8Bytes(TestBatches.Cycle(1, minerCount: 2)));
        }

        var content = DevHostFixture.Json(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await host.Client.PostAsync("api/ingest", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await host.Tables.DumpAsync(TableNames.Latest)).Count);
    }

    [Fact]
    public async Task Ingest_OneInvalidSample_RejectsWholeBatchNamingIndexAndField()
    {
        await using var host = await DevHostFixture.StartAsync();
        var valid = TestBatches.Cycle(1, minerCount: 4);
        var samples = valid.Samples.ToList();
        samples[2] = samples[2] with { HashrateRealtimeHps = -5 };
        var batch = valid with { Samples = samples };

        using var response = await host.Client.PostAsync("api/ingest", DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(batch)), TestContext.Current.CancellationToken);
        var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("samples[2].hashrateRealtimeHps", error.GetProperty("field").GetString());
        Assert.Equal(2, error.GetProperty("sampleIndex").GetInt32());
        Assert.Empty(await host.Tables.DumpAsync(TableNames.Latest));
        Assert.Empty(await host.Tables.DumpAsync(TableNames.Samples));
        Assert.Empty(await host.Tables.DumpAsync(TableNames.Relays));
    }

    [Fact]
    public async Task Ingest_WrongSchemaVersion_Returns400NamingField()
    {
        await using var host = await DevHostFixture.StartAsync();
        var batch = TestBatches.Cycle(1) with { SchemaVersion = 99 };

        using var response = await host.Client.PostAsync("api/ingest", DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(batch)), TestContext.Current.CancellationToken);
        var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("schemaVersion", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Empty(await host.Tables.DumpAsync(TableNames.Latest));
    }

    [Theory]
    [InlineData("{\"siteId\": ", "siteId")]
    [InlineData("{\"schema\":\"fleetserverless.telemetry\",\"schemaVersion\":1,\"siteId\":\"s\",\"relayId\":\"r\",\"batchId\":\"b\",\"sequence\":\"one\",\"createdAt\":\"2026-12-03T10:00:00Z\",\"samples\":[]}", "sequence")]
    public async Task Ingest_MalformedJson_Returns400NamingField(string body, string expectedField)
    {
        await using var host = await DevHostFixture.StartAsync();

        using var response = await host.Client.PostAsync("api/ingest", DevHostFixture.Json(Encoding.UTF8.GetBytes(body)), TestContext.Current.CancellationToken);
        var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expectedField, problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Empty(await host.Tables.DumpAsync(TableNames.Latest));
    }

    [Fact]
    public async Task Ingest_WithoutKey_Returns401AndWritesNothing()
    {
        await using var host = await DevHostFixture.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Host.BaseAddress };

        using var response = await anonymous.PostAsync("api/ingest", DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(TestBatches.Cycle(1))), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await host.Tables.DumpAsync(TableNames.Latest));
    }

    [Fact]
    public async Task Ingest_KeyInCodeQuery_IsAccepted()
    {
        await using var host = await DevHostFixture.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Host.BaseAddress };

        using var response = await anonymous.PostAsync($"api/ingest?code={DevHostFixture.ApiKey}",
            DevHostFixture.Json(TelemetryJson.SerializeToUtf8Bytes(TestBatches.Cycle(1))), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithoutKey_Returns200()
    {
        await using var host = await DevHostFixture.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Host.BaseAddress };

        using var response = await anonymous.GetAsync("api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement;
    }
}
