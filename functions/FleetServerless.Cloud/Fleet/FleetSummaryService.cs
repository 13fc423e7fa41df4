using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Fleet;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Fleet;

/// <summary>Builds the fleet report from the latest-state table, for the API and for other areas.</summary>
public sealed class FleetSummaryService(
    LatestStateStore latest,
    IOptions<FleetOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>The report as of now, with the number of entities read.</summary>
    public async Task<(FleetReport Report, DateTimeOffset GeneratedAt, int EntitiesRead)> GetReportAsync(CancellationToken cancellationToken)
    {
        var rows = await latest.GetAllAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var samples = rows.Items.Select(r => new SiteSample(r.SiteId, r.ToSample()));
        var report = FleetMetrics.SummarizeSites(samples, now, TimeSpan.FromSeconds(options.Value.StaleAfterSeconds));
        return (report, now, rows.EntitiesRead);
    }
}
