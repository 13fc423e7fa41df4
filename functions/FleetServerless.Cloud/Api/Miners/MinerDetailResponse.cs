using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Api.Miners;

/// <summary>The body of <c>GET /api/miners/{id}</c>: the latest sample whole (boards, pools, fans) and its age.</summary>
public sealed record MinerDetailResponse
{
    public required string MinerId { get; init; }

    public required string SiteId { get; init; }

    public required bool Stale { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }

    public required double DataAgeSeconds { get; init; }

    public required MinerSample Sample { get; init; }

    /// <summary>The miner's active alerts, most severe first; null when the host runs no alerting (unknown, not "none").</summary>
    public IReadOnlyList<object>? ActiveAlerts { get; init; }

    /// <summary>
    /// The pool's view of the miner's worker from the last profitability sync: pool-side against miner-side hashrate
    /// over the comparison window. Null when no pool provider has reported this miner.
    /// </summary>
    public object? PoolSide { get; init; }
}
