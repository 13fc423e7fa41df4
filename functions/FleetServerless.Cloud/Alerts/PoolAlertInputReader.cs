using FleetServerless.Cloud.Pools;
using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Turns the pool sync's stored results into the site rules' inputs: pool-side against miner-side hashrate per
/// site, the age of the pool data, and net profit per day. Reads storage only, never a pool.
/// </summary>
public sealed class PoolAlertInputReader(IPoolStatusReader reader)
{
    /// <summary>The estimate preferred for the profit rule: what the pool itself pays.</summary>
    public const string PreferredEstimate = "pool estimate";

    public async Task<IReadOnlyDictionary<string, SiteAlertInput>> ReadAsync(
        IReadOnlyCollection<string> knownSites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(knownSites);
        var status = await reader.GetPoolStatusAsync(cancellationToken);
        var comparisons = await reader.GetMinerComparisonsAsync(cancellationToken);
        var profits = await reader.GetSiteProfitsAsync(cancellationToken);

        var sites = knownSites
            .Concat(comparisons.Select(c => c.SiteId))
            .Concat(profits.Select(p => p.SiteId))
            .Distinct(StringComparer.Ordinal);
        var inputs = new Dictionary<string, SiteAlertInput>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            inputs[site] = BuildInput(site, status, comparisons, profits);
        }

        return inputs;
    }

    private static SiteAlertInput BuildInput(
        string siteId, PoolStatus? status, IReadOnlyList<MinerPoolComparison> comparisons, IReadOnlyList<SiteProfitStatus> profits)
    {
        // A miner the pool does not see at all while it reports hashrate counts as zero pool-side: a wrong
        // worker name or wallet is exactly what this rule is for. Comparisons are only trusted from fresh data.
        var usable = status is { IsStale: false }
            ? comparisons.Where(c => c.SiteId == siteId && c.MinerSideHps > 0 && (c.PoolSideHps is not null || !c.SeenByPool)).ToList()
            : [];
        var profit = profits
            .Where(p => p.SiteId == siteId && p.NetProfitUsd is not null && !string.Equals(p.Status, "unknown", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => string.Equals(p.EstimateKind, PreferredEstimate, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();

        return new SiteAlertInput
        {
            PoolSideHashrateHps = usable.Count > 0 ? usable.Sum(c => c.PoolSideHps ?? 0) : null,
            MinerSideHashrateHps = usable.Count > 0 ? usable.Sum(c => c.MinerSideHps!.Value) : null,
            Window = usable.Count > 0 ? TimeSpan.FromMinutes(usable.Max(c => c.WindowMinutes)) : null,
            PoolDataAge = status?.AgeSeconds is { } age ? TimeSpan.FromSeconds(age) : null,
            NetProfitPerDay = profit?.NetProfitUsd,
            Currency = profit is null ? null : "USD",
            PoolName = status?.Provider,
        };
    }
}
