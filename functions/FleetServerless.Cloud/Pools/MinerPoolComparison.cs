namespace FleetServerless.Cloud.Pools;

/// <summary>One miner's pool-side against miner-side hashrate from the last sync.</summary>
public sealed record MinerPoolComparison
{
    public required string SiteId { get; init; }

    public required string MinerId { get; init; }

    /// <summary>The worker name matched, from the override table or the stratum user; null when there is none.</summary>
    public string? Worker { get; init; }

    /// <summary>Mean of the miner's reported hashrate over the window.</summary>
    public double? MinerSideHps { get; init; }

    /// <summary>The pool's averaged hashrate for the worker (about 1 h on ViaBTC, about 2 h on Prohashing).</summary>
    public double? PoolSideHps { get; init; }

    /// <summary>Pool-side divided by miner-side; null when either is unknown or the pool does not see the miner.</summary>
    public double? Ratio { get; init; }

    public required bool SeenByPool { get; init; }

    public required int WindowMinutes { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}
