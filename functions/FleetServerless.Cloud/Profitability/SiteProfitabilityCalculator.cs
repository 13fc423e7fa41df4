using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Profitability.Network;
using FleetServerless.Core.Profitability;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Profitability;

/// <summary>Builds each site's profit figures from its hashrate and power, the pool status and the network estimate.</summary>
public sealed class SiteProfitabilityCalculator(NetworkEstimator network, IOptions<ProfitabilityOptions> options)
{
    public async Task<SiteProfitability> ComputeAsync(
        string siteId, double hashrateHps, double? powerWatts, PoolStatus? pool, CancellationToken cancellationToken)
    {
        var site = options.Value.ForSite(siteId);
        var estimates = new List<SiteEstimate>();
        if (site.RevenueSource is RevenueSource.Pool or RevenueSource.Both)
        {
            estimates.Add(PoolEstimate(hashrateHps, powerWatts, site, pool));
        }

        if (site.RevenueSource is RevenueSource.Network or RevenueSource.Both)
        {
            estimates.Add(await NetworkEstimateAsync(hashrateHps, powerWatts, site, cancellationToken));
        }

        return new SiteProfitability
        {
            SiteId = siteId,
            HashrateHps = hashrateHps,
            PowerWatts = powerWatts,
            PowerPriceUsdPerKwh = site.PowerPriceUsdPerKwh,
            RevenueSource = site.RevenueSource,
            Estimates = estimates,
        };
    }

    private static SiteEstimate PoolEstimate(double hashrateHps, double? powerWatts, SiteProfitabilityOptions site, PoolStatus? pool)
    {
        if (pool is null)
        {
            return Unknown(EstimateKinds.Pool, powerWatts, site, "No pool data: Pools:Provider is none, or the profitability sync has not run yet.");
        }

        var revenue = PoolRevenue.PerDay(hashrateHps, pool.ScryptUsdPerMhsDay, pool.ScryptBtcPerMhsDay);
        if (revenue.Usd is null)
        {
            var detail = pool.Reason ?? string.Join(" ", pool.Problems);
            return Unknown(EstimateKinds.Pool, powerWatts, site, $"The pool has given no scrypt price. {detail}".Trim());
        }

        var status = pool.IsStale ? "stale" : NetworkEstimateStatus.Ok;
        var reason = pool.IsStale
            ? $"Pool data is stale: last good value {pool.AgeSeconds:0} s old. {pool.Reason}".Trim()
            : null;
        return new SiteEstimate
        {
            Profit = ProfitCalculator.Compute(EstimateKinds.Pool, revenue.Usd, 0, powerWatts, site.PowerPriceUsdPerKwh),
            Status = status,
            Reason = reason,
            Source = $"{pool.Provider}/{pool.Source}",
            AgeSeconds = pool.AgeSeconds,
            BtcPerDay = revenue.Btc,
        };
    }

    private async Task<SiteEstimate> NetworkEstimateAsync(
        double hashrateHps, double? powerWatts, SiteProfitabilityOptions site, CancellationToken cancellationToken)
    {
        var estimate = await network.EstimateAsync(hashrateHps, cancellationToken);
        var ages = estimate.Inputs.Values.Where(f => f.AgeSeconds is not null).Select(f => f.AgeSeconds!.Value).ToList();
        var sources = estimate.Inputs.Values.Select(f => f.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new SiteEstimate
        {
            Profit = ProfitCalculator.Compute(EstimateKinds.Network, estimate.GrossRevenueUsd, site.PoolFeePercent, powerWatts, site.PowerPriceUsdPerKwh),
            Status = estimate.Status,
            Reason = estimate.Reason,
            Source = estimate.GrossRevenueUsd is null ? null : string.Join(", ", sources),
            AgeSeconds = estimate.GrossRevenueUsd is null || ages.Count == 0 ? null : ages.Max(),
            LtcPerDay = estimate.LtcPerDay,
            DogePerDay = estimate.DogePerDay,
            Network = estimate,
        };
    }

    private static SiteEstimate Unknown(string kind, double? powerWatts, SiteProfitabilityOptions site, string reason) => new()
    {
        Profit = ProfitCalculator.Compute(kind, null, 0, powerWatts, site.PowerPriceUsdPerKwh),
        Status = NetworkEstimateStatus.Unknown,
        Reason = reason,
    };
}
