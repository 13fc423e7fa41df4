namespace FleetServerless.Core.Profitability;

/// <summary>
/// Pool-side against miner-side hashrate for one miner. The ratio is pool-side divided by miner-side, and null
/// when either is unknown or the miner-side is zero.
/// </summary>
public sealed record MinerHashrateComparison(
    string MinerId, string? Worker, double? MinerSideHps, double? PoolSideHps, double? Ratio);
