namespace FleetServerless.Core.Telemetry;

/// <summary>One user pool configured on a miner.</summary>
public sealed record PoolSample
{
    public required string Url { get; init; }

    /// <summary>The stratum user, usually <c>account.worker</c>.</summary>
    public string? User { get; init; }

    /// <summary><c>active</c>, <c>working</c>, <c>rejecting</c>, <c>offline</c>, <c>disabled</c> or <c>unknown</c>.</summary>
    public string? Status { get; init; }

    public long? Accepted { get; init; }

    public long? Rejected { get; init; }

    public long? Stale { get; init; }

    public double? DifficultyAccepted { get; init; }

    /// <summary>Time since the pool last accepted a share.</summary>
    public double? LastShareAgeSeconds { get; init; }
}
