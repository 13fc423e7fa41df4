using FleetServerless.Cloud.Storage;
using FleetServerless.Cloud.Tests.Ingest;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Storage;

/// <summary>Reads follow continuation tokens past 1,000 rows and across partition boundaries.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Samples_AcrossDayBoundaryAndPast1000Rows_ReturnsEveryRow()
    {
        var start = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
        await using var services = await IngestServices.CreateAsync("paging", start.AddDays(3));
        const int count = 2500;
        var samples = Enumerable.Range(0, count).Select(i => TestBatches.Sample("m01", start.AddMinutes(i))).ToList();
        for (var chunk = 0; chunk * 1000 < count; chunk++)
        {
            await services.IngestAsync(new TelemetryBatch
            {
                SiteId = "site-a",
                RelayId = "relay-1",
                BatchId = $"page-{chunk}",
                Sequence = chunk + 1,
                CreatedAt = start.AddMinutes(count),
                Samples = samples.Skip(chunk * 1000).Take(1000).ToList(),
            });
        }

        var store = services.Services.GetRequiredService<SampleStore>();
        var result = await store.GetSamplesAsync("site-a", "m01", start, start.AddMinutes(count), TestContext.Current.CancellationToken);

        Assert.Equal(count, result.Items.Count);
        Assert.Equal(count, result.EntitiesRead);
        Assert.True(result.PagesRead >= 3, $"Expected at least 3 pages for {count} rows over two partitions, read {result.PagesRead}.");
        Assert.Equal(samples.Select(s => s.CollectedAt), result.Items.Select(r => r.CollectedAt));
    }

    [Fact]
    public async Task Latest_MoreThan1000Miners_ReturnsEveryRow()
    {
        await using var services = await IngestServices.CreateAsync("pagelatest");
        var at = TestBatches.Start;
        foreach (var site in new[] { "site-a", "site-b" })
        {
            await services.IngestAsync(new TelemetryBatch
            {
                SiteId = site,
                RelayId = "relay-" + site,
                BatchId = "wide-" + site,
                Sequence = 1,
                CreatedAt = at,
                Samples = Enumerable.Range(0, 600).Select(i => TestBatches.Sample($"m{i:D4}", at)).ToList(),
            });
        }

        var latest = await services.Services.GetRequiredService<LatestStateStore>().GetAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1200, latest.Items.Count);
        Assert.Equal(1200, latest.Items.Select(r => (r.SiteId, r.MinerId)).Distinct().Count());
        Assert.True(latest.PagesRead >= 2, $"Expected at least 2 pages, read {latest.PagesRead}.");
    }
}
