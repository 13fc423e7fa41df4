namespace FleetServerless.Core.Fleet;

/// <summary>One miner's minutes answering and mining within an uptime window, from rollups.</summary>
public sealed record MinerMinutes(string SiteId, string MinerId, double MinutesAnswering, double MinutesMining);
