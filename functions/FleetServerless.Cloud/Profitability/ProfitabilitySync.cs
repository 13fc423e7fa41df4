using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Pools.Storage;
using FleetServerless.Cloud.Pools.ViaBtc;
using FleetServerless.Cloud.Pools.Wamp;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Fleet;
using FleetServerless.Core.Profitability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Profitability;

/// <summary>
/// The 5-minute profitability sync. It reads the pool and stores its profitability and workers per slot. When
/// the pool fails, it keeps the last good values, marks them stale with a reason and raises one
/// pool-unreachable condition per outage. It also compares pool-side with miner-side hashrate and stores each
/// site's profit for the alert rules.
/// Idempotent per slot: a second run for the same slot rewrites the same rows and does not call the pool again.
/// A pool failure never throws, so nothing else in the host is affected.
/// </summary>
public sealed class ProfitabilitySync(
    IEnumerable<IPoolProvider> providers,
    PoolStatusStore store,
    IMinerDataReader miners,
    SiteProfitabilityCalculator calculator,
    IOptions<PoolsOptions> poolOptions,
    TimeProvider time,
    ILogger<ProfitabilitySync> logger)
{
    /// <summary>Length of one sync slot, the timer's period.</summary>
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(5);

    /// <summary>Problems kept in the status row, so the row stays under the column size limit.</summary>
    private const int MaxStoredProblems = 40;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var slot = new DateTimeOffset(now.UtcTicks - now.UtcTicks % SlotLength.Ticks, TimeSpan.Zero);
        var latest = await miners.GetLatestAsync(cancellationToken);
        var fleetHashrate = FleetMetrics.Summarize(latest.Select(m => m.Sample), now).HashrateRealtimeHps;

        var options = poolOptions.Value;
        var provider = providers.FirstOrDefault(p => p.Name == options.Provider);
        var outcome = "not configured";
        if (provider is not null)
        {
            outcome = await SyncPoolAsync(provider, slot, now, latest, fleetHashrate, cancellationToken);
        }

        var pool = await store.GetPoolStatusAsync(cancellationToken);
        var profits = new List<SiteProfitStatus>();
        foreach (var site in latest.GroupBy(m => m.SiteId, StringComparer.Ordinal))
        {
            var summary = FleetMetrics.Summarize(site.Select(m => m.Sample), now);
            var result = await calculator.ComputeAsync(site.Key, summary.HashrateRealtimeHps, summary.PowerWatts, pool, cancellationToken);
            profits.AddRange(result.Estimates.Select(e => new SiteProfitStatus
            {
                SiteId = site.Key,
                EstimateKind = e.Profit.EstimateKind,
                Status = e.Status,
                Reason = e.Reason,
                GrossRevenueUsd = e.Profit.GrossRevenueUsd,
                PowerCostUsd = e.Profit.PowerCostUsd,
                NetProfitUsd = e.Profit.NetProfitUsd,
                ComputedAt = now,
            }));
        }

        await store.SaveProfitsAsync(profits, cancellationToken);
        ProfitabilityLog.SyncDone(logger, slot, options.Provider, outcome, profits.Select(p => p.SiteId).Distinct().Count());
    }

    private async Task<string> SyncPoolAsync(
        IPoolProvider provider, DateTimeOffset slot, DateTimeOffset now, IReadOnlyList<SiteMinerSample> latest, double fleetHashrate,
        CancellationToken cancellationToken)
    {
        var entity = await store.GetEntityAsync(provider.Name, cancellationToken) ?? new PoolStatusEntity { RowKey = provider.Name };
        var slotKey = StorageKeys.Instant(slot);
        if (entity.LastSuccessfulSlot == slotKey)
        {
            ProfitabilityLog.SlotAlreadyDone(logger, slot, provider.Name);
            return "already synced";
        }

        entity.LastAttemptAt = now;
        PoolSnapshot snapshot;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(poolOptions.Value.FetchTimeoutSeconds));
            snapshot = await provider.FetchAsync(timeout.Token);
        }
        catch (Exception ex) when (IsPoolFailure(ex, cancellationToken))
        {
            await RecordFailureAsync(entity, provider.Name, now, Describe(ex, provider.Name), cancellationToken);
            return "unreachable";
        }

        await store.WriteSlotAsync(snapshot, slot, cancellationToken);
        var problems = snapshot.Problems.ToList();
        if (snapshot.Workers is { Count: 0 } && fleetHashrate > 0)
        {
            problems.Add($"The pool reports no workers while the fleet hashes at {fleetHashrate:0} H/s; a wrong API key gives an empty list, not an error.");
            ProfitabilityLog.NoWorkersWhileHashing(logger, provider.Name, fleetHashrate);
        }

        if (problems.Count > 0)
        {
            ProfitabilityLog.PoolProblems(logger, provider.Name, string.Join(" ", problems.Take(5)));
        }

        if (entity.ConsecutiveFailures > 0)
        {
            ProfitabilityLog.PoolRecovered(logger, provider.Name, entity.ConsecutiveFailures);
        }

        ApplySuccess(entity, snapshot, slotKey, now, problems);
        if (snapshot.Workers is not null)
        {
            await CompareAsync(entity, snapshot.Workers, latest, now, cancellationToken);
        }

        await store.SaveEntityAsync(entity, cancellationToken);
        return "read";
    }

    private static void ApplySuccess(PoolStatusEntity entity, PoolSnapshot snapshot, string slotKey, DateTimeOffset now, List<string> problems)
    {
        var scrypt = snapshot.Profitability?.FirstOrDefault(p => p.Algorithm == "scrypt");
        entity.Source = snapshot.Source;
        entity.LastSuccessAt = now;
        entity.LastSuccessfulSlot = slotKey;
        entity.ConsecutiveFailures = 0;
        entity.UnreachableSince = null;
        entity.ConditionRaisedAt = null;
        entity.Reason = problems.Count == 0 ? null : string.Join(" ", problems.Take(3));
        entity.ProblemsJson = PoolStatusStore.Write(problems.Take(MaxStoredProblems).ToList());
        entity.DataObservedAt = scrypt?.ObservedAt ?? snapshot.Workers?.Select(w => (DateTimeOffset?)w.ObservedAt).Max() ?? snapshot.FetchedAt;
        if (snapshot.Profitability is not null)
        {
            // A missing or zero price stays unknown; the last good price is not carried over as if it were current.
            entity.ScryptUsdPerMhsDay = scrypt?.UsdPerMhsDay;
            entity.ScryptBtcPerMhsDay = scrypt?.BtcPerMhsDay;
        }

        entity.WorkerCount = snapshot.Workers?.Count;
        if (snapshot.Balances is not null)
        {
            entity.BalancesJson = PoolStatusStore.Write(snapshot.Balances);
        }
    }

    private async Task RecordFailureAsync(PoolStatusEntity entity, string provider, DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        entity.ConsecutiveFailures++;
        entity.Reason = reason;
        entity.UnreachableSince ??= now;
        if (entity.ConditionRaisedAt is null)
        {
            entity.ConditionRaisedAt = now;
            ProfitabilityLog.PoolUnreachable(logger, provider, entity.DataObservedAt, reason);
        }
        else
        {
            ProfitabilityLog.PoolStillUnreachable(logger, provider, entity.ConsecutiveFailures, reason);
        }

        await store.SaveEntityAsync(entity, cancellationToken);
    }

    private async Task CompareAsync(
        PoolStatusEntity entity, IReadOnlyList<PoolWorker> workers, IReadOnlyList<SiteMinerSample> latest, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMinutes(poolOptions.Value.ComparisonWindowMinutes);
        var overrides = poolOptions.Value.WorkerOverrides
            .GroupBy(o => o.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);

        var overriddenWorkers = overrides.Values.Select(WorkerName.Parse).OfType<WorkerName>().ToList();
        var minerSide = new List<MinerSideHashrate>();
        var siteOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var miner in latest)
        {
            var minerId = miner.Sample.MinerId;
            siteOf[minerId] = miner.SiteId;
            var worker = overrides.TryGetValue(minerId, out var overrideName)
                ? WorkerName.Parse(overrideName)
                : WorkerName.FromStratumUser(miner.Sample.Pools?.FirstOrDefault(p => p.User is not null)?.User);

            // A worker the override table gives to another miner is not this miner's, whatever its stratum user is.
            if (!overrides.ContainsKey(minerId) && worker is not null && overriddenWorkers.Any(o => o.Matches(worker)))
            {
                worker = null;
            }
            var mean = await miners.GetMeanHashrateAsync(miner.SiteId, minerId, now - window, now, cancellationToken);
            minerSide.Add(new MinerSideHashrate(minerId, worker, mean));
        }

        var poolSide = workers
            .Select(w => WorkerName.Parse(w.Name) is { } name ? new PoolSideHashrate(name, w.HashrateAverageHps ?? w.HashrateHps) : null)
            .OfType<PoolSideHashrate>();
        var comparison = HashrateComparer.Compare(minerSide, poolSide);
        var unseen = comparison.UnseenMiners.ToHashSet(StringComparer.Ordinal);
        var rows = comparison.Miners.Select(m => new MinerPoolComparison
        {
            SiteId = siteOf[m.MinerId],
            MinerId = m.MinerId,
            Worker = m.Worker,
            MinerSideHps = m.MinerSideHps,
            PoolSideHps = m.PoolSideHps,
            Ratio = m.Ratio,
            SeenByPool = !unseen.Contains(m.MinerId),
            WindowMinutes = (int)window.TotalMinutes,
            ComputedAt = now,
        }).ToList();

        await store.ReplaceComparisonsAsync(rows, cancellationToken);
        entity.FleetHashrateRatio = comparison.FleetRatio;
        entity.UnclaimedWorkersJson = PoolStatusStore.Write(comparison.UnclaimedWorkers.Take(200).ToList());
        entity.UnseenMinersJson = PoolStatusStore.Write(comparison.UnseenMiners.Take(200).ToList());
    }

    private static bool IsPoolFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is PoolUnavailableException or ViaBtcApiException or WampException or HttpRequestException
        || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested;

    private string Describe(Exception ex, string provider) => ex is OperationCanceledException
        ? $"Pool {provider} did not answer within {poolOptions.Value.FetchTimeoutSeconds} s (Pools:FetchTimeoutSeconds)."
        : ex.Message;
}
