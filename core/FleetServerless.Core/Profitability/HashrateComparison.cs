namespace FleetServerless.Core.Profitability;

/// <summary>Pool-side against miner-side hashrate for a fleet, with the names that did not match.</summary>
public sealed record HashrateComparison
{
    public required IReadOnlyList<MinerHashrateComparison> Miners { get; init; }

    /// <summary>Sum of miner-side hashrate over the miners matched to a pool worker.</summary>
    public double? FleetMinerSideHps { get; init; }

    /// <summary>Sum of pool-side hashrate over the workers matched to miners.</summary>
    public double? FleetPoolSideHps { get; init; }

    /// <summary>Pool-side divided by miner-side for the matched miners; null when nothing matched.</summary>
    public double? FleetRatio { get; init; }

    /// <summary>Workers the pool reports that no miner claims.</summary>
    public required IReadOnlyList<string> UnclaimedWorkers { get; init; }

    /// <summary>Miners with no pool-side worker: not seen by the pool, or with no worker name to match.</summary>
    public required IReadOnlyList<string> UnseenMiners { get; init; }
}
