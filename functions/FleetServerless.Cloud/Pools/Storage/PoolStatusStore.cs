using System.Text.Json;
using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Pools.Storage;

/// <summary>Reads and writes the pool tables; also the <see cref="IPoolStatusReader"/> the alert rules use.</summary>
public sealed class PoolStatusStore(FleetTableClients tables, IOptions<PoolsOptions> options, TimeProvider time) : IPoolStatusReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PoolStatusEntity?> GetEntityAsync(string provider, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(PoolTableNames.Status, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<PoolStatusEntity>(PoolStatusEntity.PartitionName, provider, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task SaveEntityAsync(PoolStatusEntity entity, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(PoolTableNames.Status, cancellationToken);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Writes one slot's profitability and workers; the keys depend only on provider, slot and names, so a rerun rewrites the same rows.</summary>
    public async Task WriteSlotAsync(PoolSnapshot snapshot, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var slotKey = StorageKeys.Instant(slot);
        if (snapshot.Profitability is { Count: > 0 } profitability)
        {
            var table = await tables.GetTableAsync(PoolTableNames.Profitability, cancellationToken);
            var actions = profitability.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new PoolProfitabilityEntity
            {
                PartitionKey = StorageKeys.Join(snapshot.Provider, p.Algorithm, StorageKeys.Day(slot)),
                RowKey = slotKey,
                Provider = snapshot.Provider,
                Source = snapshot.Source,
                Algorithm = p.Algorithm,
                UsdPerMhsDay = p.UsdPerMhsDay,
                BtcPerMhsDay = p.BtcPerMhsDay,
                ObservedAt = p.ObservedAt,
            }));
            await TableWrites.SubmitByPartitionAsync(table, actions, useTransactions: true, maxParallelPartitions: 4, cancellationToken);
        }

        if (snapshot.Workers is { Count: > 0 } workers)
        {
            var table = await tables.GetTableAsync(PoolTableNames.Workers, cancellationToken);
            var actions = workers
                .GroupBy(w => StorageKeys.Join(slotKey, w.Name, w.ConnectionId ?? ""), StringComparer.Ordinal)
                .Select(g => g.First())
                .Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new PoolWorkerEntity
                {
                    PartitionKey = StorageKeys.Join(snapshot.Provider, StorageKeys.Day(slot)),
                    RowKey = StorageKeys.Join(slotKey, w.Name, w.ConnectionId ?? ""),
                    Name = w.Name,
                    ConnectionId = w.ConnectionId,
                    HashrateHps = w.HashrateHps,
                    HashrateAverageHps = w.HashrateAverageHps,
                    Hashrate24HourHps = w.Hashrate24HourHps,
                    Active = w.Active,
                    ObservedAt = w.ObservedAt,
                }));
            await TableWrites.SubmitByPartitionAsync(table, actions, useTransactions: true, maxParallelPartitions: 4, cancellationToken);
        }
    }

    /// <summary>Reads one algorithm's stored profitability for one UTC day, oldest slot first.</summary>
    public async Task<IReadOnlyList<PoolProfitabilityEntity>> GetProfitabilityDayAsync(
        string provider, string algorithm, DateTimeOffset day, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(PoolTableNames.Profitability, cancellationToken);
        var partition = StorageKeys.Join(provider, algorithm, StorageKeys.Day(day));
        var result = await TableReads.ReadAllAsync<PoolProfitabilityEntity>(table, TableReads.Partition(partition), null, cancellationToken);
        return result.Items;
    }

    /// <summary>Replaces the stored comparison rows with <paramref name="comparisons"/>; rows of miners no longer compared are deleted.</summary>
    public async Task ReplaceComparisonsAsync(IReadOnlyList<MinerPoolComparison> comparisons, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(PoolTableNames.Status, cancellationToken);
        var existing = await TableReads.ReadAllAsync<MinerComparisonEntity>(table, TableReads.Partition(MinerComparisonEntity.PartitionName), null, cancellationToken);
        var keep = comparisons.Select(c => StorageKeys.Join(c.SiteId, c.MinerId)).ToHashSet(StringComparer.Ordinal);
        var actions = comparisons.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new MinerComparisonEntity
        {
            RowKey = StorageKeys.Join(c.SiteId, c.MinerId),
            SiteId = c.SiteId,
            MinerId = c.MinerId,
            Worker = c.Worker,
            MinerSideHps = c.MinerSideHps,
            PoolSideHps = c.PoolSideHps,
            Ratio = c.Ratio,
            SeenByPool = c.SeenByPool,
            WindowMinutes = c.WindowMinutes,
            ComputedAt = c.ComputedAt,
        })).ToList();
        actions.AddRange(existing.Items
            .Where(e => !keep.Contains(e.RowKey))
            .Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e)));
        await TableWrites.SubmitAsync(table, actions, useTransactions: true, cancellationToken);
    }

    public async Task SaveProfitsAsync(IReadOnlyList<SiteProfitStatus> profits, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(PoolTableNames.Status, cancellationToken);
        var actions = profits.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new SiteProfitEntity
        {
            RowKey = StorageKeys.Join(p.SiteId, p.EstimateKind),
            SiteId = p.SiteId,
            EstimateKind = p.EstimateKind,
            Status = p.Status,
            Reason = p.Reason,
            GrossRevenueUsd = p.GrossRevenueUsd,
            PowerCostUsd = p.PowerCostUsd,
            NetProfitUsd = p.NetProfitUsd,
            ComputedAt = p.ComputedAt,
        })).ToList();
        await TableWrites.SubmitAsync(table, actions, useTransactions: true, cancellationToken);
    }

    public async Task<PoolStatus?> GetPoolStatusAsync(CancellationToken cancellationToken)
    {
        var provider = options.Value.Provider;
        if (provider == "none")
        {
            return null;
        }

        var entity = await GetEntityAsync(provider, cancellationToken);
        return entity is null ? null : ToStatus(entity, time.GetUtcNow(), TimeSpan.FromMinutes(options.Value.StaleAfterMinutes));
    }

    public async Task<IReadOnlyList<MinerPoolComparison>> GetMinerComparisonsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(PoolTableNames.Status, cancellationToken);
        var rows = await TableReads.ReadAllAsync<MinerComparisonEntity>(table, TableReads.Partition(MinerComparisonEntity.PartitionName), null, cancellationToken);
        return rows.Items.Select(e => new MinerPoolComparison
        {
            SiteId = e.SiteId,
            MinerId = e.MinerId,
            Worker = e.Worker,
            MinerSideHps = e.MinerSideHps,
            PoolSideHps = e.PoolSideHps,
            Ratio = e.Ratio,
            SeenByPool = e.SeenByPool,
            WindowMinutes = e.WindowMinutes,
            ComputedAt = e.ComputedAt,
        }).ToList();
    }

    public async Task<IReadOnlyList<SiteProfitStatus>> GetSiteProfitsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(PoolTableNames.Status, cancellationToken);
        var rows = await TableReads.ReadAllAsync<SiteProfitEntity>(table, TableReads.Partition(SiteProfitEntity.PartitionName), null, cancellationToken);
        return rows.Items.Select(e => new SiteProfitStatus
        {
            SiteId = e.SiteId,
            EstimateKind = e.EstimateKind,
            Status = e.Status,
            Reason = e.Reason,
            GrossRevenueUsd = e.GrossRevenueUsd,
            PowerCostUsd = e.PowerCostUsd,
            NetProfitUsd = e.NetProfitUsd,
            ComputedAt = e.ComputedAt,
        }).ToList();
    }

    /// <summary>Builds the status from a row, computing age and staleness at <paramref name="now"/>.</summary>
    public static PoolStatus ToStatus(PoolStatusEntity entity, DateTimeOffset now, TimeSpan staleAfter)
    {
        var reachable = entity.ConsecutiveFailures == 0 && entity.LastSuccessAt is not null;
        double? age = entity.DataObservedAt is { } observed ? Math.Max(0, (now - observed).TotalSeconds) : null;
        return new PoolStatus
        {
            Provider = entity.RowKey,
            Source = entity.Source,
            IsReachable = reachable,
            IsStale = !reachable || age is null || age > staleAfter.TotalSeconds,
            DataObservedAt = entity.DataObservedAt,
            AgeSeconds = age,
            LastSuccessAt = entity.LastSuccessAt,
            LastAttemptAt = entity.LastAttemptAt,
            Reason = entity.Reason,
            UnreachableSince = entity.UnreachableSince,
            ConditionRaisedAt = entity.ConditionRaisedAt,
            ConsecutiveFailures = entity.ConsecutiveFailures,
            ScryptUsdPerMhsDay = entity.ScryptUsdPerMhsDay,
            ScryptBtcPerMhsDay = entity.ScryptBtcPerMhsDay,
            WorkerCount = entity.WorkerCount,
            FleetHashrateRatio = entity.FleetHashrateRatio,
            UnclaimedWorkers = Read<List<string>>(entity.UnclaimedWorkersJson) ?? [],
            UnseenMiners = Read<List<string>>(entity.UnseenMinersJson) ?? [],
            Balances = Read<List<PoolBalance>>(entity.BalancesJson) ?? [],
            Problems = Read<List<string>>(entity.ProblemsJson) ?? [],
        };
    }

    internal static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T? Read<T>(string json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Json);
}
