using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Fleet;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Fleet;

/// <summary>
/// Builds the fleet report from the latest-state table, with the two uptimes of the last
/// <see cref="FleetOptions.UptimeWindowHours"/> from the 5-minute fleet rollups, for the API and other areas.
/// </summary>
public sealed class FleetSummaryService(
    LatestStateStore latest,
    RollupStore rollups,
    IOptions<FleetOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>The report as of now, with the number of entities read.</summary>
    /// <remarks>
    /// The uptimes count only minutes already rolled up (rollups run every 5 minutes), so the newest minutes of
    /// the window are missing until the next run.
    /// </remarks>
    public async Task<(FleetReport Report, DateTimeOffset GeneratedAt, int EntitiesRead)> GetReportAsync(CancellationToken cancellationToken)
    {
        var rows = await latest.GetAllAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var samples = rows.Items.Select(r => new SiteSample(r.SiteId, r.ToSample()));
        var report = FleetMetrics.SummarizeSites(samples, now, TimeSpan.FromSeconds(settings.StaleAfterSeconds));
        var entitiesRead = rows.EntitiesRead;

        var window = TimeSpan.FromHours(settings.UptimeWindowHours);
        var overall = await rollups.GetFleet5mAsync(null, now - window, now, cancellationToken);
        entitiesRead += overall.EntitiesRead;
        var sites = new List<SiteSummary>();
        foreach (var site in report.Sites)
        {
            var siteRows = await rollups.GetFleet5mAsync(site.SiteId, now - window, now, cancellationToken);
            entitiesRead += siteRows.EntitiesRead;
            sites.Add(site with { Summary = WithUptime(site.Summary, siteRows.Items, window) });
        }

        return (new FleetReport(WithUptime(report.Overall, overall.Items, window), sites), now, entitiesRead);
    }

    private static FleetSummary WithUptime(FleetSummary summary, IReadOnlyList<FleetRollupEntity> buckets, TimeSpan window) =>
        FleetMetrics.WithUptime(
            summary,
            buckets.Sum(b => (double)b.MinutesAnswering),
            buckets.Sum(b => (double)b.MinutesMining),
            summary.MinersTotal,
            window);
}
