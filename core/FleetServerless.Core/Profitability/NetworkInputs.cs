namespace FleetServerless.Core.Profitability;

/// <summary>Chain figures for a Litecoin network estimate with merge-mined Dogecoin; unknown values are null.</summary>
public sealed record NetworkInputs
{
    public double? LtcDifficulty { get; init; }

    /// <summary>Litecoin block reward in LTC (subsidy plus average fees).</summary>
    public double? LtcBlockRewardCoins { get; init; }

    public double? LtcPriceUsd { get; init; }

    public double? DogeDifficulty { get; init; }

    /// <summary>Dogecoin block reward in DOGE.</summary>
    public double? DogeBlockRewardCoins { get; init; }

    public double? DogePriceUsd { get; init; }
}
