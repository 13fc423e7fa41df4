namespace FleetServerless.Core.Fleet;

/// <summary>The fleet per site and for all sites together.</summary>
public sealed record FleetReport(FleetSummary Overall, IReadOnlyList<SiteSummary> Sites);
