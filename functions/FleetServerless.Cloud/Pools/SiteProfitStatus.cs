namespace FleetServerless.Cloud.Pools;

/// <summary>One site's profit per day for one estimate kind, as the last sync computed it.</summary>
public sealed record SiteProfitStatus
{
    public required string SiteId { get; init; }

    /// <summary><c>pool estimate</c> or <c>network estimate</c>.</summary>
    public required string EstimateKind { get; init; }

    /// <summary><c>ok</c>, <c>partial</c> or <c>unknown</c>; an alert must not fire on <c>unknown</c>.</summary>
    public required string Status { get; init; }

    public string? Reason { get; init; }

    public double? GrossRevenueUsd { get; init; }

    public double? PowerCostUsd { get; init; }

    /// <summary>Null when revenue or power cost is unknown, never a made-up zero.</summary>
    public double? NetProfitUsd { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}
