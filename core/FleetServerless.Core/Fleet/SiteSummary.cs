namespace FleetServerless.Core.Fleet;

/// <summary>The summary of one site.</summary>
public sealed record SiteSummary(string SiteId, FleetSummary Summary);
