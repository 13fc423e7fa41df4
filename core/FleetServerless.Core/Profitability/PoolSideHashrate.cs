namespace FleetServerless.Core.Profitability;

/// <summary>Hashrate the pool credits to one worker name; several connections under one name arrive as several entries.</summary>
public sealed record PoolSideHashrate(WorkerName Worker, double? HashrateHps);
