using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Profitability;

/// <summary>A miner's latest sample with the site it belongs to.</summary>
public sealed record SiteMinerSample(string SiteId, MinerSample Sample);
