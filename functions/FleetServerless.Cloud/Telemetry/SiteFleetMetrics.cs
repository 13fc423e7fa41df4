namespace FleetServerless.Cloud.Telemetry;

/// <summary>One site's values for the fleet gauges; null is unknown and is not reported.</summary>
public sealed record SiteFleetMetrics(
    string SiteId,
    long MinersTotal,
    long MinersMining,
    double? HashrateHps,
    double? PowerWatts,
    double? ChipTempMaxC,
    long? AlertsActive);
