using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// Keeps each relay's row (newest heartbeat, sequence range) and its gap rows. The relay row and the gap rows
/// it implies change together in one transaction guarded by the relay row's ETag.
/// </summary>
internal sealed class RelayStateWriter(FleetTableClients tables, IOptions<IngestOptions> options)
{
    /// <summary>Leaves room for the relay row in a transaction of at most 100 operations.</summary>
    private const int MaxGapOperationsPerTransaction = TableWrites.MaxTransactionSize - 1;

    public async Task WriteAsync(IReadOnlyList<TelemetryBatch> batches, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableNames.Relays, cancellationToken);
        foreach (var relay in batches.GroupBy(b => (b.SiteId, b.RelayId)))
        {
            var ordered = relay.OrderBy(b => b.Sequence).ThenBy(b => b.BatchId, StringComparer.Ordinal).ToList();
            await WriteRelayAsync(table, relay.Key.SiteId, relay.Key.RelayId, ordered, cancellationToken);
        }
    }

    private async Task WriteRelayAsync(
        TableClient table, string siteId, string relayId, List<TelemetryBatch> batches, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (row, ranges, storedGaps) = await ReadAsync(table, siteId, relayId, cancellationToken);
            try
            {
                await ApplyAsync(table, siteId, relayId, row, ranges, storedGaps, batches, cancellationToken);
                return;
            }
            catch (Exception ex) when (LatestStateWriter.IsConcurrencyConflict(ex) && attempt < options.Value.MaxConcurrencyRetries)
            {
                // Another ingest of the same relay won the race; read its result and apply the batches again.
            }
        }
    }

    private static async Task<(RelayEntity? Row, SequenceRanges Ranges, Dictionary<long, RelayGapEntity> Gaps)> ReadAsync(
        TableClient table, string siteId, string relayId, CancellationToken cancellationToken)
    {
        var rowResponse = await table.GetEntityIfExistsAsync<RelayEntity>(siteId, RelayEntity.RowKeyFor(relayId), cancellationToken: cancellationToken);
        var row = rowResponse.HasValue ? rowResponse.Value : null;

        var prefix = RelayGapEntity.RowKeyPrefix(relayId);
        var gaps = await TableReads.ReadAllAsync<RelayGapEntity>(
            table, TableReads.PartitionRowRange(siteId, prefix, StorageKeys.PrefixEnd(prefix)), null, cancellationToken);
        var gapsByStart = gaps.Items.ToDictionary(g => g.FromSequence);

        var ranges = row is null
            ? new SequenceRanges()
            : new SequenceRanges(row.MinSequence, row.MaxSequence, gaps.Items.Select(g => (g.FromSequence, g.ToSequence)));
        return (row, ranges, gapsByStart);
    }

    /// <summary>
    /// Adds the batches' sequence numbers one by one and flushes a transaction whenever the gap changes would
    /// no longer fit in one, so every flush leaves the relay row and its gaps consistent.
    /// </summary>
    private static async Task ApplyAsync(
        TableClient table,
        string siteId,
        string relayId,
        RelayEntity? row,
        SequenceRanges ranges,
        Dictionary<long, RelayGapEntity> storedGaps,
        List<TelemetryBatch> batches,
        CancellationToken cancellationToken)
    {
        var current = row;
        var dirty = false;
        foreach (var batch in batches)
        {
            var wasNewest = ranges.IsEmpty
                || batch.Sequence > ranges.Max
                || (batch.Sequence == ranges.Max && string.CompareOrdinal(batch.BatchId, current?.LastBatchId) > 0);
            dirty |= ranges.Add(batch.Sequence);
            if (wasNewest)
            {
                current = WithHeartbeat(current, siteId, relayId, batch);
                dirty = true;
            }

            if (GapDifference(relayId, siteId, ranges, storedGaps).Count >= MaxGapOperationsPerTransaction)
            {
                current = await FlushAsync(table, siteId, relayId, current!, ranges, storedGaps, cancellationToken);
                dirty = false;
            }
        }

        if (dirty && current is not null)
        {
            await FlushAsync(table, siteId, relayId, current, ranges, storedGaps, cancellationToken);
        }
    }

    private static async Task<RelayEntity> FlushAsync(
        TableClient table,
        string siteId,
        string relayId,
        RelayEntity current,
        SequenceRanges ranges,
        Dictionary<long, RelayGapEntity> storedGaps,
        CancellationToken cancellationToken)
    {
        var gapActions = GapDifference(relayId, siteId, ranges, storedGaps);
        current.MinSequence = ranges.Min;
        current.MaxSequence = ranges.Max;
        current.GapCount = ranges.Gaps.Count;
        current.MissingBatches = ranges.MissingCount;

        var rowAction = current.ETag == default
            ? new TableTransactionAction(TableTransactionActionType.Add, current)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, current.ETag);
        var response = await table.SubmitTransactionAsync([rowAction, .. gapActions], cancellationToken);

        current.ETag = response.Value[0].Headers.ETag ?? default;
        storedGaps.Clear();
        foreach (var (from, to) in ranges.Gaps)
        {
            storedGaps[from] = NewGap(siteId, relayId, from, to);
        }

        return current;
    }

    /// <summary>The deletes and upserts that turn the stored gap rows into the gaps of <paramref name="ranges"/>.</summary>
    private static List<TableTransactionAction> GapDifference(
        string relayId, string siteId, SequenceRanges ranges, Dictionary<long, RelayGapEntity> storedGaps)
    {
        var actions = new List<TableTransactionAction>();
        var wanted = ranges.Gaps.ToDictionary(g => g.From, g => g.To);
        foreach (var (from, stored) in storedGaps)
        {
            if (!wanted.ContainsKey(from))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, stored));
            }
        }

        foreach (var (from, to) in wanted)
        {
            if (!storedGaps.TryGetValue(from, out var stored) || stored.ToSequence != to)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, NewGap(siteId, relayId, from, to)));
            }
        }

        return actions;
    }

    private static RelayGapEntity NewGap(string siteId, string relayId, long from, long to) => new()
    {
        PartitionKey = siteId,
        RowKey = RelayGapEntity.RowKeyFor(relayId, from),
        SiteId = siteId,
        RelayId = relayId,
        FromSequence = from,
        ToSequence = to,
        MissingBatches = to - from + 1,
    };

    private static RelayEntity WithHeartbeat(RelayEntity? current, string siteId, string relayId, TelemetryBatch batch)
    {
        var row = current ?? new RelayEntity
        {
            PartitionKey = siteId,
            RowKey = RelayEntity.RowKeyFor(relayId),
            SiteId = siteId,
            RelayId = relayId,
        };
        row.LastBatchId = batch.BatchId;
        row.LastBatchCreatedAt = batch.CreatedAt.ToUniversalTime();
        row.LastBatchSamples = batch.Samples.Count;
        row.Version = batch.Relay?.Version;
        row.UptimeSeconds = batch.Relay?.UptimeSeconds;
        row.OutboxDepth = batch.Relay?.OutboxDepth;
        row.MinersConfigured = batch.Relay?.MinersConfigured;
        row.SamplesThinned = batch.Relay?.SamplesThinned;
        return row;
    }
}
