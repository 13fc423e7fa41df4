namespace FleetServerless.Cloud.Pools;

/// <summary>
/// The pool data alert rules read: pool status (stale, unreachable), pool-side against miner-side hashrate,
/// and net profit per site. Values come from the last profitability sync; reads never call a pool.
/// </summary>
public interface IPoolStatusReader
{
    /// <summary>The configured provider's status; null when <c>Pools:Provider</c> is <c>none</c> or it never ran.</summary>
    Task<PoolStatus?> GetPoolStatusAsync(CancellationToken cancellationToken);

    /// <summary>Every miner's comparison from the last sync that read workers.</summary>
    Task<IReadOnlyList<MinerPoolComparison>> GetMinerComparisonsAsync(CancellationToken cancellationToken);

    /// <summary>Profit per site and estimate kind from the last sync.</summary>
    Task<IReadOnlyList<SiteProfitStatus>> GetSiteProfitsAsync(CancellationToken cancellationToken);
}
