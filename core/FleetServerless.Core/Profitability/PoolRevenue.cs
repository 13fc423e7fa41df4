namespace FleetServerless.Core.Profitability;

/// <summary>Gross revenue from a pool's profitability value, quoted per <see cref="ProfitabilityUnits.PoolRateHashrateHps"/> per day.</summary>
public static class PoolRevenue
{
    /// <summary>
    /// Computes revenue per day for <paramref name="hashrateHps"/> from the pool's values per MH/s per day.
    /// A null or non-positive value stays null: a pool that gave no price means "unknown", never zero revenue.
    /// </summary>
    public static RevenuePerDay PerDay(double hashrateHps, double? usdPerMhsDay, double? btcPerMhsDay)
    {
        if (hashrateHps < 0 || double.IsNaN(hashrateHps))
        {
            throw new ArgumentOutOfRangeException(nameof(hashrateHps), hashrateHps, "Hashrate must be zero or more H/s.");
        }

        var units = hashrateHps / ProfitabilityUnits.PoolRateHashrateHps;
        return new RevenuePerDay
        {
            Usd = usdPerMhsDay > 0 ? units * usdPerMhsDay.Value : null,
            Btc = btcPerMhsDay > 0 ? units * btcPerMhsDay.Value : null,
        };
    }
}
