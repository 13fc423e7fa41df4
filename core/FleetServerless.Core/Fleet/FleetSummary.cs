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

    public required double HashrateRealtimeHps { get; init; }

    public double? HashrateAverageHps { get; init; }

    public double? HashrateNominalHps { get; init; }

    /// <summary>Realtime hashrate as a percentage of nominal, over miners that report both.</summary>
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

    public double? ChipTempMaxC { get; init; }

    public double? BoardTempMaxC { get; init; }

    public int BoardsFailed { get; init; }

    public int ChipsRed { get; init; }

    /// <summary>When the newest sample was collected; null when there is none.</summary>
    public DateTimeOffset? LatestSampleAt { get; init; }
}
