namespace FleetServerless.Cloud.Api.Miners;

/// <summary>One row of <c>GET /api/miners</c>: the miner's latest state, with readings null when stale or unknown.</summary>
public sealed record MinerListItem
{
    public required string MinerId { get; init; }

    public required string SiteId { get; init; }

    public required string Host { get; init; }

    public string? Model { get; init; }

    public string? Algorithm { get; init; }

    public string? State { get; init; }

    public required bool Answered { get; init; }

    public required bool Mining { get; init; }

    /// <summary>True when the latest sample is older than the stale age; the readings are then the last known ones.</summary>
    public required bool Stale { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }

    public required double DataAgeSeconds { get; init; }

    public double? HashrateRealtimeHps { get; init; }

    public double? HashrateNominalHps { get; init; }

    public double? PowerWatts { get; init; }

    public double? ChipTempMaxC { get; init; }

    /// <summary>Boards in <c>failure</c> or <c>disconnected</c> state; null when the miner reported no boards.</summary>
    public int? BoardsFailed { get; init; }

    public int? ChipsRed { get; init; }
}
