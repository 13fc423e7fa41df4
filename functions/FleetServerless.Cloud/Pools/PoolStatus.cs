namespace FleetServerless.Cloud.Pools;

/// <summary>
/// The pool's data as the alert rules and the API see it: the last good values with their observation time,
/// whether they are stale, and why. Age and staleness are computed when the status is read.
/// </summary>
public sealed record PoolStatus
{
    public required string Provider { get; init; }

    public string? Source { get; init; }

    /// <summary>Whether the last sync read the pool.</summary>
    public required bool IsReachable { get; init; }

    /// <summary>True when the last sync failed or the last good data is older than <c>Pools:StaleAfterMinutes</c>.</summary>
    public required bool IsStale { get; init; }

    /// <summary>When the pool computed the last good data; null when it was never read.</summary>
    public DateTimeOffset? DataObservedAt { get; init; }

    /// <summary>Seconds since <see cref="DataObservedAt"/> at the time of reading.</summary>
    public double? AgeSeconds { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>Why the last sync failed, or what the pool returned that could not be used.</summary>
    public string? Reason { get; init; }

    /// <summary>The first failed sync of the current outage; null while the pool is reachable.</summary>
    public DateTimeOffset? UnreachableSince { get; init; }

    /// <summary>
    /// When the <see cref="PoolConditions.Unreachable"/> condition was raised for the current outage: set once
    /// on the first failure, kept through later failures, cleared when a sync succeeds.
    /// </summary>
    public DateTimeOffset? ConditionRaisedAt { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>The last good scrypt value, USD per MH/s per day (pool estimate).</summary>
    public double? ScryptUsdPerMhsDay { get; init; }

    public double? ScryptBtcPerMhsDay { get; init; }

    /// <summary>Workers in the last good read; null when the provider gives no workers.</summary>
    public int? WorkerCount { get; init; }

    /// <summary>Pool-side divided by miner-side hashrate over the comparison window, for matched miners.</summary>
    public double? FleetHashrateRatio { get; init; }

    public IReadOnlyList<string> UnclaimedWorkers { get; init; } = [];

    public IReadOnlyList<string> UnseenMiners { get; init; } = [];

    public IReadOnlyList<PoolBalance> Balances { get; init; } = [];

    public IReadOnlyList<string> Problems { get; init; } = [];
}
