namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>A network estimate of gross revenue per day, before pool fees, with every input's source and age.</summary>
public sealed record NetworkEstimate
{
    /// <summary>One of <see cref="NetworkEstimateStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Why the status is not <c>ok</c>; null when it is.</summary>
    public string? Reason { get; init; }

    public required double HashrateHps { get; init; }

    public double? LtcPerDay { get; init; }

    public double? DogePerDay { get; init; }

    /// <summary>USD per day before pool fees; null when <see cref="Status"/> is <c>unknown</c>.</summary>
    public double? GrossRevenueUsd { get; init; }

    /// <summary>Inputs by name: ltcDifficulty, ltcBlockRewardCoins, ltcPriceUsd, dogeDifficulty, dogeBlockRewardCoins, dogePriceUsd.</summary>
    public required IReadOnlyDictionary<string, SourcedFigure> Inputs { get; init; }

    /// <summary>Sources that failed or are backing off, each with the reason.</summary>
    public required IReadOnlyList<string> SourceErrors { get; init; }

    /// <summary>Cross-check disagreements and unusable fields.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}
