namespace FleetServerless.Core.Profitability;

/// <summary>Net profit per day from gross revenue, a pool fee and power cost.</summary>
public static class ProfitCalculator
{
    /// <summary>
    /// Computes the profit figures of one estimate. <paramref name="poolFeePercent"/> is taken off gross revenue
    /// (0 to 100); power cost is <paramref name="powerWatts"/> drawn all day at <paramref name="powerPriceUsdPerKwh"/>.
    /// </summary>
    public static ProfitPerDay Compute(
        string estimateKind, double? grossRevenueUsd, double poolFeePercent, double? powerWatts, double? powerPriceUsdPerKwh)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(estimateKind);
        if (poolFeePercent is < 0 or > 100 || double.IsNaN(poolFeePercent))
        {
            throw new ArgumentOutOfRangeException(nameof(poolFeePercent), poolFeePercent, "The pool fee must be between 0 and 100 percent.");
        }

        var fee = grossRevenueUsd * poolFeePercent / 100;
        var afterFee = grossRevenueUsd - fee;
        var powerCost = PowerCost.PerDay(powerWatts, powerPriceUsdPerKwh);
        return new ProfitPerDay
        {
            EstimateKind = estimateKind,
            GrossRevenueUsd = grossRevenueUsd,
            PoolFeeUsd = fee,
            RevenueAfterFeeUsd = afterFee,
            PowerCostUsd = powerCost,
            NetProfitUsd = afterFee - powerCost,
        };
    }
}
