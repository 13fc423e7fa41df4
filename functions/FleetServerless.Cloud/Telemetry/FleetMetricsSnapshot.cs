namespace FleetServerless.Cloud.Telemetry;

/// <summary>
/// The latest fleet values per site that the gauges report. Replaced whole, so a reader never sees a mix of
/// two refreshes.
/// </summary>
public sealed class FleetMetricsSnapshot
{
    private volatile IReadOnlyList<SiteFleetMetrics> _sites = [];

    public IReadOnlyList<SiteFleetMetrics> Sites => _sites;

    /// <summary>When the values were last replaced; null before the first refresh.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    public void Replace(IEnumerable<SiteFleetMetrics> sites, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(sites);
        _sites = sites.ToList();
        UpdatedAt = updatedAt;
    }
}
