using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Rollups;

/// <summary>
/// Rebuilds the rollups of every hour that ingest marked pending: per-miner hourly rows, the 5-minute fleet rows
/// of each site and of all sites, and the daily rows of the miners involved.
/// </summary>
/// <remarks>
/// Idempotent: an hour is always rebuilt from all of its raw samples and the rows are replaced whole, so
/// rebuilding gives the same rows. A marker is deleted only if no batch rewrote it during the rebuild (ETag).
/// </remarks>
public sealed partial class RollupBuilder(
    FleetTableClients tables,
    IOptions<RollupOptions> options,
    IOptions<RetentionOptions> retention,
    TimeProvider timeProvider,
    ILogger<RollupBuilder> logger)
{
    /// <summary>Rebuilds pending hours, oldest first, and returns how many it rebuilt.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var pendingTable = await tables.GetTableAsync(TableNames.RollupsPending, cancellationToken);
        var pending = await TableReads.ReadAllAsync<RollupPendingEntity>(
            pendingTable, TableReads.Partition(RollupPendingEntity.PendingPartition), null, cancellationToken);
        var rawCutoff = RetentionJob.RawCutoff(timeProvider.GetUtcNow(), retention.Value);

        var rebuilt = 0;
        foreach (var marker in pending.Items.OrderBy(p => p.RowKey, StringComparer.Ordinal).Take(options.Value.MaxHoursPerRun))
        {
            var hour = StorageKeys.ParseHour(marker.RowKey);
            if (hour >= rawCutoff)
            {
                await RebuildHourAsync(hour, cancellationToken);
                rebuilt++;
            }

            await DeleteMarkerAsync(pendingTable, marker, cancellationToken);
        }

        if (rebuilt > 0)
        {
            LogRollupsBuilt(rebuilt, pending.Items.Count - rebuilt);
        }

        return rebuilt;
    }

    /// <summary>Rebuilds one UTC hour from its raw samples; safe to call any number of times.</summary>
    public async Task RebuildHourAsync(DateTimeOffset hourStart, CancellationToken cancellationToken)
    {
        hourStart = StorageKeys.ParseHour(StorageKeys.Hour(hourStart));
        var samplesTable = await tables.GetTableAsync(TableNames.Samples, cancellationToken);
        var daysTable = await tables.GetTableAsync(TableNames.SampleDays, cancellationToken);
        var index = await TableReads.ReadAllAsync<SampleDayEntity>(
            daysTable, TableReads.Partition(StorageKeys.Day(hourStart)), null, cancellationToken);

        var samples = new ConcurrentBag<RollupSample>();
        await Parallel.ForEachAsync(
            index.Items,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelReads, CancellationToken = cancellationToken },
            async (day, token) =>
            {
                var rows = await TableReads.ReadAllAsync<RawSampleEntity>(
                    samplesTable,
                    TableReads.PartitionRowRange(day.RowKey, StorageKeys.Instant(hourStart), StorageKeys.Instant(hourStart.AddHours(1))),
                    ["SiteId", "MinerId", "CollectedAt", "Answered", "Mining", "HashrateRealtimeHps", "PowerWatts", "ChipTempMaxC", "BoardTempMaxC"],
                    token);
                foreach (var row in rows.Items)
                {
                    samples.Add(new RollupSample(row.SiteId, row.MinerId, row.CollectedAt, row.Answered, row.Mining,
                        row.HashrateRealtimeHps, row.PowerWatts, row.ChipTempMaxC, row.BoardTempMaxC));
                }
            });

        var all = samples.ToList();
        await WriteHourlyAsync(hourStart, all, cancellationToken);
        await WriteFleetAsync(all, cancellationToken);
        await WriteDailyAsync(hourStart, all.Select(s => (s.SiteId, s.MinerId)).Distinct().ToList(), cancellationToken);
    }

    private async Task WriteHourlyAsync(DateTimeOffset hourStart, List<RollupSample> samples, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableNames.RollupsMinerHourly, cancellationToken);
        var actions = samples
            .GroupBy(s => (s.SiteId, s.MinerId))
            .Select(miner => MinerRollupEntity.From(
                StorageKeys.MinerHourlyPartition(miner.Key.SiteId, miner.Key.MinerId, hourStart),
                StorageKeys.Hour(hourStart),
                miner.Key.SiteId,
                miner.Key.MinerId,
                hourStart,
                60,
                RollupCalculator.SummarizeMiner(miner)))
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
        await TableWrites.SubmitByPartitionAsync(table, actions, useTransactions: true, options.Value.MaxParallelReads, cancellationToken);
    }

    private async Task WriteFleetAsync(List<RollupSample> samples, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableNames.RollupsFleet5m, cancellationToken);
        var rows = new List<FleetRollupEntity>();
        foreach (var bucket in samples.GroupBy(s => RollupCalculator.FiveMinuteBucket(s.CollectedAt)))
        {
            rows.Add(FleetRollupEntity.From(null, bucket.Key, RollupCalculator.SummarizeFleet(bucket)));
            foreach (var site in bucket.GroupBy(s => s.SiteId, StringComparer.Ordinal))
            {
                rows.Add(FleetRollupEntity.From(site.Key, bucket.Key, RollupCalculator.SummarizeFleet(site)));
            }
        }

        var actions = rows.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
        await TableWrites.SubmitByPartitionAsync(table, actions, useTransactions: true, options.Value.MaxParallelReads, cancellationToken);
    }

    /// <summary>Rebuilds the day's row of each miner from its hourly rows of that day.</summary>
    private async Task WriteDailyAsync(DateTimeOffset hourStart, List<(string SiteId, string MinerId)> miners, CancellationToken cancellationToken)
    {
        var hourly = await tables.GetTableAsync(TableNames.RollupsMinerHourly, cancellationToken);
        var daily = await tables.GetTableAsync(TableNames.RollupsMinerDaily, cancellationToken);
        var dayStart = new DateTimeOffset(hourStart.UtcDateTime.Date, TimeSpan.Zero);
        await Parallel.ForEachAsync(
            miners,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelReads, CancellationToken = cancellationToken },
            async (miner, token) =>
            {
                var hours = await TableReads.ReadAllAsync<MinerRollupEntity>(
                    hourly,
                    TableReads.PartitionRowRange(
                        StorageKeys.MinerHourlyPartition(miner.SiteId, miner.MinerId, dayStart),
                        StorageKeys.Hour(dayStart),
                        StorageKeys.Hour(dayStart.AddDays(1))),
                    null,
                    token);
                var stats = hours.Items.Aggregate(MinerPeriodStats.Empty, (total, hour) => total.Combine(hour.ToStats()));
                var row = MinerRollupEntity.From(
                    StorageKeys.MinerDailyPartition(miner.SiteId, miner.MinerId, dayStart),
                    StorageKeys.Date(dayStart),
                    miner.SiteId,
                    miner.MinerId,
                    dayStart,
                    1440,
                    stats);
                await daily.UpsertEntityAsync(row, TableUpdateMode.Replace, token);
            });
    }

    private static async Task DeleteMarkerAsync(TableClient table, RollupPendingEntity marker, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(marker.PartitionKey, marker.RowKey, marker.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // A batch for this hour arrived during the rebuild and rewrote the marker: the next run rebuilds it again.
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information,
        Message = "Rebuilt rollups of {HoursRebuilt} hours; {HoursSkipped} pending hours were older than raw retention or left for the next run")]
    private partial void LogRollupsBuilt(int hoursRebuilt, int hoursSkipped);
}
