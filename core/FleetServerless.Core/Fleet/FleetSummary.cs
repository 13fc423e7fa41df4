namespace FleetServerless.Core.Fleet;

/// <summary>The fleet at one moment, from each miner's latest sample.</summary>
public sealed record FleetSummary
{
    public required int MinersTotal { get; init; }

    /// <summary>Miners whose latest sample answered and is not stale.</summary>
    public required int MinersAnswering { get; init; }

    /// <summary>Miners answering, in a hashing state, with a hashrate above zero.</summary>
    public required int MinersMining { get; init; }

    /// <summary>Miners whose latest sample is older than the stale age: shown offline, not with old numbers.</summary>
    public required int MinersStale { get; init; }

    /// <summary>Answering miners as a percentage of all miners, now; null when there is no miner.</summary>
    public double? ReachablePercent { get; init; }

    /// <summary>Mining miners as a percentage of all miners, now; null when there is no miner.</summary>
    public double? HashingPercent { get; init; }

    /// <summary>
    /// Share of the uptime window in which miners answered, in percent: miner-minutes answering over
    /// miners × window minutes. Null when the caller had no history to compute it from.
    /// </summary>
    public double? UptimeReachablePercent { get; init; }

    /// <summary>Like <see cref="UptimeReachablePercent"/>, for minutes in which miners were mining.</summary>
    public double? UptimeHashingPercent { get; init; }

    /// <summary>The window the two uptimes cover; null when they are null.</summary>
    public double? UptimeWindowSeconds { get; init; }

    public required double HashrateRealtimeHps { get; init; }

    public double? HashrateAverageHps { get; init; }

    public double? HashrateNominalHps { get; init; }

    /// <summary>Realtime hashrate as a percentage of nominal, over mining miners that report both.</summary>
    public double? NominalDeliveredPercent { get; init; }

    /// <summary>The realtime hashrate in <see cref="HashrateDisplayUnit"/>.</summary>
    public required double HashrateDisplay { get; init; }

    public required string HashrateDisplayUnit { get; init; }

    /// <summary>Power of answering miners; null when none reported power.</summary>
    public double? PowerWatts { get; init; }

    /// <summary>Joules per gigahash (W per GH/s) for scrypt fleets, over miners that report both power and hashrate.</summary>
    public double? EfficiencyJoulesPerGigahash { get; init; }

    /// <summary>Joules per terahash for sha256d miners.</summary>
    public double? EfficiencyJoulesPerTerahash { get; init; }

    /// <summary>The hottest chip of any answering miner.</summary>
    public double? ChipTempMaxC { get; init; }

    /// <summary>The miner with the hottest chip; null when no miner reported a chip temperature.</summary>
    public string? HottestChipMinerId { get; init; }

    /// <summary>The hottest board of any answering miner.</summary>
    public double? BoardTempMaxC { get; init; }

    /// <summary>The miner with the hottest board; null when no miner reported a board temperature.</summary>
    public string? HottestBoardMinerId { get; init; }

    /// <summary>Boards in state failure or disconnected, over answering miners.</summary>
    public int BoardsFailed { get; init; }

    /// <summary>Chips the firmware marks red, over answering miners.</summary>
    public int ChipsRed { get; init; }

    /// <summary>When the newest sample was collected; null when there is none.</summary>
    public DateTimeOffset? LatestSampleAt { get; init; }

    /// <summary>When the oldest latest sample was collected; a miner that stopped reporting shows here.</summary>
    public DateTimeOffset? OldestSampleAt { get; init; }
}
