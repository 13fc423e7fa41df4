namespace FleetServerless.Cloud.Api.History;

/// <summary>
/// The body of <c>GET /api/fleet/history</c> and <c>GET /api/miners/{id}/history</c>. When
/// <see cref="NextPageToken"/> is set, the same request with <c>pageToken</c> returns the following points.
/// </summary>
public sealed record HistoryResponse
{
    /// <summary><c>fleet</c> or <c>miner</c>.</summary>
    public required string Scope { get; init; }

    public string? MinerId { get; init; }

    /// <summary>The site of the miner, or the site the fleet history covers; null for all sites.</summary>
    public string? SiteId { get; init; }

    /// <summary><c>raw</c>, <c>5m</c>, <c>hour</c> or <c>day</c>.</summary>
    public required string Interval { get; init; }

    /// <summary>The table the points were read from.</summary>
    public required HistorySource Source { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required int MaxPointsPerPage { get; init; }

    public required IReadOnlyList<HistoryPoint> Points { get; init; }

    public string? NextPageToken { get; init; }

    /// <summary>Table entities read for this page.</summary>
    public required long EntitiesRead { get; init; }
}
