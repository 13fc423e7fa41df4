namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>What one network data source returned; a figure it does not give, or gave unusable, is null.</summary>
public sealed record NetworkObservation
{
    public required string Source { get; init; }

    public required DateTimeOffset ObservedAt { get; init; }

    public double? LtcDifficulty { get; init; }

    /// <summary>Litecoin block reward in LTC, when the source gives one.</summary>
    public double? LtcBlockRewardCoins { get; init; }

    public double? LtcPriceUsd { get; init; }

    public double? DogeDifficulty { get; init; }

    public double? DogePriceUsd { get; init; }

    /// <summary>Fields the source returned but that could not be used, with the value and reason.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
