namespace FleetServerless.Cloud.Profitability;

/// <summary>One site's power price and revenue choice.</summary>
public sealed class SiteProfitabilityOptions
{
    /// <summary>Electricity price in USD per kWh; null (default) leaves power cost and net profit unknown.</summary>
    public double? PowerPriceUsdPerKwh { get; set; }

    /// <summary>Which estimate the site's figures use: <c>Network</c> (default), <c>Pool</c> or <c>Both</c>.</summary>
    public RevenueSource RevenueSource { get; set; } = RevenueSource.Network;

    /// <summary>
    /// Pool fee in percent (0 to 100) taken off the network estimate, which is before fees. Default 0. Not
    /// applied to the pool estimate, because whether the pool's value is before or after fees is not documented.
    /// </summary>
    public double PoolFeePercent { get; set; }
}
