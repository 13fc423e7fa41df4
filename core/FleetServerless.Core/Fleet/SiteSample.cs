using FleetServerless.Core.Telemetry;

namespace FleetServerless.Core.Fleet;

/// <summary>A miner's latest sample with the site it belongs to.</summary>
public sealed record SiteSample(string SiteId, MinerSample Sample);
