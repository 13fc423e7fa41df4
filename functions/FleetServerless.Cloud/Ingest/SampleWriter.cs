using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// Writes raw samples, the day index and the pending-rollup markers. Every write is an upsert of a row whose
/// key and content depend only on the sample, so writing again changes nothing.
/// </summary>
internal sealed class SampleWriter(FleetTableClients tables, IOptions<IngestOptions> options)
{
    public async Task<int> WriteAsync(IReadOnlyList<TelemetryBatch> batches, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var samples = await tables.GetTableAsync(TableNames.Samples, cancellationToken);
        var days = await tables.GetTableAsync(TableNames.SampleDays, cancellationToken);
        var pending = await tables.GetTableAsync(TableNames.RollupsPending, cancellationToken);

        // One row per key: a batch that appears twice in the list, or two batches carrying the same sample,
        // must not put two operations on one entity into a transaction. Later sequence numbers win.
        var rows = new Dictionary<(string Partition, string Row), RawSampleEntity>();
        foreach (var batch in batches.OrderBy(b => b.Sequence).ThenBy(b => b.BatchId, StringComparer.Ordinal))
        {
            foreach (var sample in batch.Samples)
            {
                var entity = RawSampleEntity.From(batch, sample);
                rows[(entity.PartitionKey, entity.RowKey)] = entity;
            }
        }

        var sampleActions = rows.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
        await TableWrites.SubmitByPartitionAsync(samples, sampleActions, settings.UseTransactions, settings.MaxParallelWrites, cancellationToken);

        var dayActions = rows.Values
            .DistinctBy(e => e.PartitionKey)
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new SampleDayEntity
            {
                PartitionKey = StorageKeys.Day(e.CollectedAt),
                RowKey = e.PartitionKey,
                SiteId = e.SiteId,
                MinerId = e.MinerId,
            }));
        await TableWrites.SubmitByPartitionAsync(days, dayActions, useTransactions: true, settings.MaxParallelWrites, cancellationToken);

        var pendingActions = rows.Values
            .Select(e => StorageKeys.Hour(e.CollectedAt))
            .Distinct(StringComparer.Ordinal)
            .Select(hour => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new RollupPendingEntity
            {
                RowKey = hour,
                HourStart = StorageKeys.ParseHour(hour),
            }));
        await TableWrites.SubmitByPartitionAsync(pending, pendingActions, useTransactions: true, settings.MaxParallelWrites, cancellationToken);

        return rows.Count;
    }
}
