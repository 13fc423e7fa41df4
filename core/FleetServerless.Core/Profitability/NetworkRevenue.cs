namespace FleetServerless.Core.Profitability;

/// <summary>Expected coins from a share of a chain's network, without any pool.</summary>
public static class NetworkRevenue
{
    /// <summary>
    /// Computes the expected coins per day, <c>H * 86400 * R / (D * 2^32)</c>, for hashrate H in H/s, network
    /// difficulty D and block reward R in coins (subsidy plus average fees). Returns null when the difficulty or
    /// the reward is missing or not positive, because no figure is better than a made-up one.
    /// </summary>
    public static double? CoinsPerDay(double hashrateHps, double? difficulty, double? blockRewardCoins)
    {
        if (hashrateHps < 0 || double.IsNaN(hashrateHps))
        {
            throw new ArgumentOutOfRangeException(nameof(hashrateHps), hashrateHps, "Hashrate must be zero or more H/s.");
        }

        if (difficulty is not > 0 || blockRewardCoins is not > 0)
        {
            return null;
        }

        return hashrateHps * ProfitabilityUnits.SecondsPerDay * blockRewardCoins.Value
            / (difficulty.Value * ProfitabilityUnits.HashesPerDifficultyOne);
    }
}
