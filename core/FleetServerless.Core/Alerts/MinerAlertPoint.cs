namespace FleetServerless.Core.Alerts;

/// <summary>One answered sample of a miner, reduced to what the baselines need.</summary>
/// <param name="At">When the sample was collected, UTC.</param>
/// <param name="HashrateHps">The realtime hashrate while the miner was hashing, else null.</param>
/// <param name="PowerWatts">The reported power, or null.</param>
/// <param name="BoardCount">The number of boards the miner listed, or null.</param>
public sealed record MinerAlertPoint(DateTimeOffset At, double? HashrateHps, double? PowerWatts, int? BoardCount);
