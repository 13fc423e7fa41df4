namespace FleetServerless.Core.Profitability;

/// <summary>Expected LTC and merge-mined DOGE per day for a scrypt hashrate, and their USD value.</summary>
public static class NetworkEstimateCalculator
{
    /// <summary>
    /// Computes coins and USD per day. <see cref="RevenuePerDay.Usd"/> is null unless the Litecoin term and its
    /// price are known; the Dogecoin term is added only when its coins and price are known, and the caller must
    /// say so when it is missing.
    /// </summary>
    public static RevenuePerDay Compute(double hashrateHps, NetworkInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var ltc = NetworkRevenue.CoinsPerDay(hashrateHps, inputs.LtcDifficulty, inputs.LtcBlockRewardCoins);
        var doge = NetworkRevenue.CoinsPerDay(hashrateHps, inputs.DogeDifficulty, inputs.DogeBlockRewardCoins);

        double? usd = null;
        if (ltc is not null && inputs.LtcPriceUsd > 0)
        {
            usd = ltc.Value * inputs.LtcPriceUsd.Value;
            if (doge is not null && inputs.DogePriceUsd > 0)
            {
                usd += doge.Value * inputs.DogePriceUsd.Value;
            }
        }

        return new RevenuePerDay { Ltc = ltc, Doge = doge, Usd = usd };
    }
}
