using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Rollups;

/// <summary>
/// Deletes raw sample partitions older than <see cref="RetentionOptions.RawSamplesDays"/> and rollups older than
/// <see cref="RetentionOptions.RollupDays"/>, finding both through the day index. Idempotent: a second run the
/// same day finds nothing to delete.
/// </summary>
public sealed partial class RetentionJob(
    FleetTableClients tables,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionJob> logger)
{
    /// <summary>The first instant whose raw samples are kept: the start of the UTC day that many days before today.</summary>
    public static DateTimeOffset RawCutoff(DateTimeOffset now, RetentionOptions retention) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-retention.RawSamplesDays);

    public static DateTimeOffset RollupCutoff(DateTimeOffset now, RetentionOptions retention) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-retention.RollupDays);

    /// <summary>Deletes what is past retention and returns the number of raw partitions and rollup days removed.</summary>
    public async Task<(int RawPartitionsDeleted, int RollupMinerDaysDeleted)> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var rawCutoffDay = StorageKeys.Day(RawCutoff(now, settings));
        var rollupCutoffDay = StorageKeys.Day(RollupCutoff(now, settings));

        var days = await tables.GetTableAsync(TableNames.SampleDays, cancellationToken);
        var old = await TableReads.ReadAllAsync<SampleDayEntity>(
            days, TableClient.CreateQueryFilter($"PartitionKey lt {rawCutoffDay}"), null, cancellationToken);

        var rawDeleted = 0;
        var rollupDeleted = 0;
        foreach (var entry in old.Items.OrderBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            if (!entry.RawDeleted)
            {
                await DeletePartitionAsync(TableNames.Samples, entry.RowKey, cancellationToken);
                entry.RawDeleted = true;
                await days.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);
                rawDeleted++;
            }

            if (string.CompareOrdinal(entry.PartitionKey, rollupCutoffDay) < 0)
            {
                await DeleteRollupsAsync(entry, cancellationToken);
                await days.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, cancellationToken: cancellationToken);
                rollupDeleted++;
            }
        }

        LogRetentionRan(rawDeleted, rollupDeleted, rawCutoffDay, rollupCutoffDay);
        return (rawDeleted, rollupDeleted);
    }

    private async Task DeleteRollupsAsync(SampleDayEntity entry, CancellationToken cancellationToken)
    {
        var day = StorageKeys.ParseDay(entry.PartitionKey);
        var hourly = await tables.GetTableAsync(TableNames.RollupsMinerHourly, cancellationToken);
        var hours = await TableReads.ReadAllAsync<TableEntity>(
            hourly,
            TableReads.PartitionRowRange(StorageKeys.MinerHourlyPartition(entry.SiteId, entry.MinerId, day), StorageKeys.Hour(day), StorageKeys.Hour(day.AddDays(1))),
            ["PartitionKey", "RowKey"],
            cancellationToken);
        await DeleteAsync(hourly, hours.Items, cancellationToken);

        var daily = await tables.GetTableAsync(TableNames.RollupsMinerDaily, cancellationToken);
        await daily.DeleteEntityAsync(StorageKeys.MinerDailyPartition(entry.SiteId, entry.MinerId, day), StorageKeys.Date(day), cancellationToken: cancellationToken);

        await DeletePartitionAsync(TableNames.RollupsFleet5m, StorageKeys.Fleet5mPartition(entry.SiteId, day), cancellationToken);
        await DeletePartitionAsync(TableNames.RollupsFleet5m, StorageKeys.Fleet5mPartition(null, day), cancellationToken);
    }

    private async Task DeletePartitionAsync(string logicalTable, string partitionKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(logicalTable, cancellationToken);
        var rows = await TableReads.ReadAllAsync<TableEntity>(table, TableReads.Partition(partitionKey), ["PartitionKey", "RowKey"], cancellationToken);
        await DeleteAsync(table, rows.Items, cancellationToken);
    }

    private static Task DeleteAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken) =>
        TableWrites.SubmitAsync(
            table,
            rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)).ToList(),
            useTransactions: true,
            cancellationToken);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information,
        Message = "Retention deleted {RawPartitions} raw sample partitions (before {RawCutoffDay}) and the rollups of {RollupMinerDays} miner-days (before {RollupCutoffDay})")]
    private partial void LogRetentionRan(int rawPartitions, int rollupMinerDays, string rawCutoffDay, string rollupCutoffDay);
}
