using System.Net;
using System.Text.Json;
using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Api.History;
using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Storage;
using FleetServerless.Cloud.Tests.Ingest;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Api;

public sealed class HistoryApiTests
{
    private const string SiteId = "site-a";
    private const string MinerId = "m01";
    private static readonly DateTimeOffset End = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MinerHistory_24Hours_ReadsRawSamplesOnly()
    {
        await using var host = await DevHostFixture.StartAsync();
        await IngestRawAsync(host, End - TimeSpan.FromDays(1), count: 288, spacing: TimeSpan.FromMinutes(5));
        await RollupRows.WriteMinerHourlyAsync(host.Tables.Clients, SiteId, MinerId, End - TimeSpan.FromDays(1), 24);
        var counter = ResetCounter(host);

        var (status, body, header) = await GetAsync(host, $"api/miners/{MinerId}/history?from={Iso(End.AddDays(-1))}&to={Iso(End)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("5m", body.GetProperty("interval").GetString());
        Assert.Equal("samples", body.GetProperty("source").GetString());
        Assert.Equal(288, body.GetProperty("points").GetArrayLength());
        Assert.Equal(288, counter.ForTable(TableNames.Samples));
        Assert.Equal(0, counter.ForTable(TableNames.RollupsMinerHourly));
        Assert.Equal("288", header);
        var first = body.GetProperty("points")[0];
        Assert.Equal(End.AddDays(-1), first.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(9.5e9, first.GetProperty("hashrateMeanHps").GetDouble());
        Assert.Equal(1, first.GetProperty("samples").GetInt64());
    }

    [Fact]
    public async Task MinerHistory_7Days_ReadsHourlyRollups()
    {
        await using var host = await DevHostFixture.StartAsync();
        await IngestRawAsync(host, End - TimeSpan.FromDays(7), count: 7 * 24, spacing: TimeSpan.FromHours(1));
        await RollupRows.WriteMinerHourlyAsync(host.Tables.Clients, SiteId, MinerId, End - TimeSpan.FromDays(7), 7 * 24);
        var counter = ResetCounter(host);

        var (status, body, _) = await GetAsync(host, $"api/miners/{MinerId}/history?from={Iso(End.AddDays(-7))}&to={Iso(End)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hour", body.GetProperty("interval").GetString());
        Assert.Equal("minerHourly", body.GetProperty("source").GetString());
        Assert.Equal(168, body.GetProperty("points").GetArrayLength());
        Assert.Equal(168, counter.ForTable(TableNames.RollupsMinerHourly));
        Assert.Equal(0, counter.ForTable(TableNames.Samples));
        Assert.Equal(RollupRows.HashrateMaxHps(167), body.GetProperty("points")[167].GetProperty("hashrateMaxHps").GetDouble());
        Assert.Equal(120, body.GetProperty("points")[0].GetProperty("samples").GetInt64());
    }

    [Fact]
    public async Task MinerHistory_30Days_ReadsDailyRollups()
    {
        await using var host = await DevHostFixture.StartAsync();
        await IngestRawAsync(host, End - TimeSpan.FromDays(1), count: 1, spacing: TimeSpan.FromMinutes(5));
        await RollupRows.WriteMinerDailyAsync(host.Tables.Clients, SiteId, MinerId, End - TimeSpan.FromDays(30), 30);
        await RollupRows.WriteMinerHourlyAsync(host.Tables.Clients, SiteId, MinerId, End - TimeSpan.FromDays(30), 30 * 24);
        var counter = ResetCounter(host);

        var (status, body, _) = await GetAsync(host, $"api/miners/{MinerId}/history?from={Iso(End.AddDays(-30))}&to={Iso(End)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("day", body.GetProperty("interval").GetString());
        Assert.Equal("minerDaily", body.GetProperty("source").GetString());
        Assert.Equal(30, body.GetProperty("points").GetArrayLength());
        Assert.Equal(30, counter.ForTable(TableNames.RollupsMinerDaily));
        Assert.Equal(0, counter.ForTable(TableNames.RollupsMinerHourly));
        Assert.Equal(0, counter.ForTable(TableNames.Samples));
    }

    [Fact]
    public async Task FleetHistory_24Hours_Reads5mRollups()
    {
        await using var host = await DevHostFixture.StartAsync();
        await RollupRows.WriteFleet5mAsync(host.Tables.Clients, null, End - TimeSpan.FromDays(1), 288);
        var counter = ResetCounter(host);

        var (status, body, _) = await GetAsync(host, $"api/fleet/history?from={Iso(End.AddDays(-1))}&to={Iso(End)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("5m", body.GetProperty("interval").GetString());
        Assert.Equal("fleet5m", body.GetProperty("source").GetString());
        Assert.Equal(288, body.GetProperty("points").GetArrayLength());
        Assert.Equal(288, counter.ForTable(TableNames.RollupsFleet5m));
        Assert.Equal(58, body.GetProperty("points")[0].GetProperty("minersMining").GetInt32());
    }

    [Fact]
    public async Task FleetHistory_7DaysHourly_AggregatesTwelveRowsPerPoint()
    {
        await using var host = await DevHostFixture.StartAsync();
        await RollupRows.WriteFleet5mAsync(host.Tables.Clients, "site-b", End - TimeSpan.FromDays(7), 7 * 288);
        var counter = ResetCounter(host);

        var (status, body, _) = await GetAsync(host, $"api/fleet/history?siteId=site-b&interval=hour&from={Iso(End.AddDays(-7))}&to={Iso(End)}");

        Assert.Equal(HttpStatusCode.OK, status);
        var points = body.GetProperty("points");
        Assert.Equal(168, points.GetArrayLength());
        Assert.Equal(7 * 288, counter.ForTable(TableNames.RollupsFleet5m));
        Assert.Equal(RollupRows.HashrateMeanHps, points[0].GetProperty("hashrateMeanHps").GetDouble(), 1e-3);
        Assert.Equal(RollupRows.HashrateMaxHps(11), points[0].GetProperty("hashrateMaxHps").GetDouble());
        Assert.Equal(12 * 58 * 5.0, points[0].GetProperty("minutesMining").GetDouble());
        Assert.Equal(60, points[0].GetProperty("minersReporting").GetInt32());
        Assert.Equal(JsonValueKind.Null, points[0].GetProperty("samples").ValueKind);
        Assert.Equal("site-b", body.GetProperty("siteId").GetString());
    }

    [Fact]
    public async Task FleetHistory_OverPageBound_Pages()
    {
        await using var host = await DevHostFixture.StartAsync(services =>
            services.Configure<OwnerApiOptions>(o => o.MaxPointsPerPage = 100));
        await RollupRows.WriteFleet5mAsync(host.Tables.Clients, null, End - TimeSpan.FromDays(1), 288);
        var query = $"api/fleet/history?interval=5m&from={Iso(End.AddDays(-1))}&to={Iso(End)}";

        var starts = new List<DateTimeOffset>();
        var sizes = new List<int>();
        string? token = null;
        do
        {
            var (status, body, _) = await GetAsync(host, token is null ? query : $"{query}&pageToken={Uri.EscapeDataString(token)}");
            Assert.Equal(HttpStatusCode.OK, status);
            var points = body.GetProperty("points");
            sizes.Add(points.GetArrayLength());
            starts.AddRange(points.EnumerateArray().Select(p => p.GetProperty("start").GetDateTimeOffset()));
            token = body.TryGetProperty("nextPageToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (token is not null && sizes.Count < 10);

        Assert.Equal([100, 100, 88], sizes);
        Assert.Equal(Enumerable.Range(0, 288).Select(i => End.AddDays(-1).AddMinutes(5 * i)), starts);
    }

    [Fact]
    public async Task FleetHistory_RawInterval_IsRejected()
    {
        await using var host = await DevHostFixture.StartAsync();

        var (status, body, _) = await GetAsync(host, "api/fleet/history?interval=raw");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("interval", body.GetProperty("parameter").GetString());
        Assert.Contains("5m", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("interval=week", "interval")]
    [InlineData("from=2026-11-30T00:00:00Z&to=2026-11-29T00:00:00Z", "from")]
    [InlineData("pageToken=bm90LWEtdG9rZW4", "pageToken")]
    public async Task History_BadQuery_NamesTheParameter(string query, string parameter)
    {
        await using var host = await DevHostFixture.StartAsync();
        await IngestRawAsync(host, End - TimeSpan.FromHours(1), count: 1, spacing: TimeSpan.FromMinutes(5));

        var (status, body, _) = await GetAsync(host, $"api/miners/{MinerId}/history?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task MinerHistory_UnknownMiner_Returns404()
    {
        await using var host = await DevHostFixture.StartAsync();

        var (status, body, _) = await GetAsync(host, "api/miners/nobody/history");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("nobody", body.GetProperty("detail").GetString());
    }

    private static TableReadCounter ResetCounter(DevHostFixture host)
    {
        var counter = host.Host.Services.GetRequiredService<TableReadCounter>();
        counter.Reset();
        return counter;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? ReadHeader)> GetAsync(DevHostFixture host, string path)
    {
        using var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var header = response.Headers.TryGetValues(HistoryHandler.EntitiesReadHeader, out var values) ? values.Single() : null;
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), header);
    }

    /// <summary>Ingests one sample of <see cref="MinerId"/> per batch, <paramref name="spacing"/> apart, through the ingest path.</summary>
    internal static async Task IngestRawAsync(DevHostFixture host, DateTimeOffset start, int count, TimeSpan spacing, string minerId = MinerId, string siteId = SiteId)
    {
        var ingestor = host.Host.Services.GetRequiredService<ITelemetryIngestor>();
        var batches = Enumerable.Range(0, count).Select(i =>
        {
            var batch = TestBatches.Cycle(i + 1, minerCount: 1, siteId: siteId, start: start, interval: spacing);
            return batch with { Samples = [batch.Samples[0] with { MinerId = minerId }] };
        }).ToList();
        foreach (var chunk in batches.Chunk(100))
        {
            await ingestor.IngestAsync(chunk, IngestSource.Https, TestContext.Current.CancellationToken);
        }
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}
