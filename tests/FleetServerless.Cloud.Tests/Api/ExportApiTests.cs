using System.Globalization;
using System.Net;
using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Tests.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Api;

public sealed class ExportApiTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MinerHourly_RoundTripsAndNeutralizesFormulaIds()
    {
        await using var host = await DevHostFixture.StartAsync();
        string[] minerIds = ["=1+2", "+SUM(A1)", "-3+cmd", "@HYPERLINK(\"x\")", "plain-01"];
        foreach (var minerId in minerIds)
        {
            await HistoryApiTests.IngestRawAsync(host, End.AddHours(-1), count: 1, spacing: TimeSpan.FromMinutes(5), minerId: minerId);
            await RollupRows.WriteMinerHourlyAsync(host.Tables.Clients, "site-a", minerId, End.AddHours(-24), 24);
        }

        using var response = await host.Client.GetAsync(
            $"api/export/miner-hourly.csv?from=2026-11-29T00:00:00Z&to=2026-11-30T00:00:00Z", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var rows = CsvExportWriterTests.ParseCsv(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("periodStartUtc", rows[0][0]);
        Assert.Equal("minerId", rows[0][2]);
        Assert.Equal(1 + (minerIds.Length * 24), rows.Count);
        var exportedIds = rows.Skip(1).Select(r => r[2]).Distinct().ToHashSet();
        Assert.Contains("'=1+2", exportedIds);
        Assert.Contains("'+SUM(A1)", exportedIds);
        Assert.Contains("'-3+cmd", exportedIds);
        Assert.Contains("'@HYPERLINK(\"x\")", exportedIds);
        Assert.Contains("plain-01", exportedIds);
        var hashrateColumn = Array.IndexOf(rows[0], "hashrateMeanHps");
        Assert.All(rows.Skip(1), r => Assert.Equal(RollupRows.HashrateMeanHps, double.Parse(r[hashrateColumn], CultureInfo.InvariantCulture)));
        Assert.All(rows.Skip(1), r => Assert.EndsWith("Z", r[0]));
    }

    [Fact]
    public async Task Fleet5m_AllSites_HasEmptySiteCell()
    {
        await using var host = await DevHostFixture.StartAsync();
        await RollupRows.WriteFleet5mAsync(host.Tables.Clients, null, End.AddHours(-1), 12);

        using var response = await host.Client.GetAsync(
            "api/export/fleet-5m.csv?from=2026-11-29T23:00:00Z&to=2026-11-30T00:00:00Z", TestContext.Current.CancellationToken);
        var rows = CsvExportWriterTests.ParseCsv(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(13, rows.Count);
        Assert.Equal("2026-11-29T23:00:00Z", rows[1][0]);
        Assert.Equal("", rows[1][1]);
        Assert.Equal("60", rows[1][Array.IndexOf(rows[0], "minersReporting")]);
    }

    [Fact]
    public async Task UnknownDataset_Returns404ListingDatasets()
    {
        await using var host = await DevHostFixture.StartAsync();

        using var response = await host.Client.GetAsync("api/export/secrets.csv", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("miner-hourly.csv", body);
    }

    [Fact]
    public async Task RangeOverRowLimit_Returns400()
    {
        await using var host = await DevHostFixture.StartAsync(services =>
            services.Configure<OwnerApiOptions>(o => o.MaxExportRows = 100));

        using var response = await host.Client.GetAsync(
            "api/export/fleet-5m.csv?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("OwnerApi:MaxExportRows", body);
    }
}
