using System.Net;
using Azure;
using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// Replaces a miner's latest-state row only with a newer sample (<see cref="SampleOrder"/>), using ETags, so an
/// old batch replayed after a new one leaves the newer state in place.
/// </summary>
/// <remarks>
/// A miner that never answered has no MAC yet, so the relay reports it under its configured name; once it
/// answers it is reported under its MAC. So that one miner does not count twice, an answered sample removes an
/// older unanswered row of the same host stored under another id, and an unanswered sample is not added when the
/// same host already has a newer row under another id. Either arrival order gives the same rows.
/// </remarks>
internal sealed class LatestStateWriter(FleetTableClients tables, IOptions<IngestOptions> options)
{
    /// <summary>Writes the newest sample per miner and returns the ids of the miners whose row changed.</summary>
    public async Task<IReadOnlySet<string>> WriteAsync(IReadOnlyList<TelemetryBatch> batches, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableNames.Latest, cancellationToken);
        var updated = new HashSet<string>(StringComparer.Ordinal);

        foreach (var site in batches.GroupBy(b => b.SiteId, StringComparer.Ordinal))
        {
            var newest = NewestPerMiner(site);
            var changed = await WriteSiteAsync(table, site.Key, newest, cancellationToken);
            updated.UnionWith(changed);
        }

        return updated;
    }

    private static Dictionary<string, LatestStateEntity> NewestPerMiner(IEnumerable<TelemetryBatch> batches)
    {
        var newest = new Dictionary<string, LatestStateEntity>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            foreach (var sample in batch.Samples)
            {
                var candidate = LatestStateEntity.From(batch, sample);
                if (!newest.TryGetValue(sample.MinerId, out var current) || OrderOf(candidate).CompareTo(OrderOf(current)) > 0)
                {
                    newest[sample.MinerId] = candidate;
                }
            }
        }

        return newest;
    }

    private async Task<IReadOnlySet<string>> WriteSiteAsync(
        TableClient table, string siteId, Dictionary<string, LatestStateEntity> newest, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await TableReads.ReadAllAsync<LatestStateEntity>(
                table, TableReads.Partition(siteId), ["RowKey", "CollectedAt", "Sequence", "BatchId", "Host", "Answered"], cancellationToken);
            var storedByMiner = stored.Items.ToDictionary(e => e.RowKey, StringComparer.Ordinal);

            var actions = new List<TableTransactionAction>();
            foreach (var (minerId, candidate) in newest)
            {
                if (!storedByMiner.TryGetValue(minerId, out var current))
                {
                    if (candidate.Answered || !HasNewerRowForHost(candidate, stored.Items, newest.Values))
                    {
                        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, candidate));
                    }
                }
                else if (OrderOf(candidate).CompareTo(OrderOf(current)) > 0)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, candidate, current.ETag));
                }
            }

            // The rows were read without their partition key, so the delete names it: the partition is the site.
            actions.AddRange(SupersededRows(newest.Values, stored.Items).Select(row =>
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(siteId, row.RowKey), row.ETag)));

            try
            {
                await TableWrites.SubmitAsync(table, actions, useTransactions: true, cancellationToken);
                changed.UnionWith(actions.Select(a => a.Entity.RowKey));
                return changed;
            }
            catch (Exception ex) when (IsConcurrencyConflict(ex) && attempt < options.Value.MaxConcurrencyRetries)
            {
                // Another ingest changed a row between the read and the write: read again and recompare.
                // Rows of transactions that did succeed now compare as not newer and are skipped.
                changed.UnionWith(actions.Select(a => a.Entity.RowKey));
            }
        }
    }

    /// <summary>Whether another id of the same host has a newer row, stored or about to be written.</summary>
    private static bool HasNewerRowForHost(
        LatestStateEntity candidate, IEnumerable<LatestStateEntity> stored, IEnumerable<LatestStateEntity> incoming) =>
        stored.Concat(incoming).Any(other =>
            other.RowKey != candidate.RowKey
            && string.Equals(other.Host, candidate.Host, StringComparison.OrdinalIgnoreCase)
            && OrderOf(other).CompareTo(OrderOf(candidate)) > 0);

    /// <summary>Stored unanswered rows that an answered sample of the same host, under another id, supersedes.</summary>
    private static IEnumerable<LatestStateEntity> SupersededRows(
        IEnumerable<LatestStateEntity> incoming, IEnumerable<LatestStateEntity> stored)
    {
        var answered = incoming.Where(c => c.Answered).ToList();
        return stored.Where(row => !row.Answered && answered.Any(c =>
            c.RowKey != row.RowKey
            && string.Equals(c.Host, row.Host, StringComparison.OrdinalIgnoreCase)
            && OrderOf(c).CompareTo(OrderOf(row)) > 0));
    }

    internal static bool IsConcurrencyConflict(Exception ex) =>
        ex is RequestFailedException { Status: (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed }
        || ex is TableTransactionFailedException { Status: (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed };

    private static SampleOrder OrderOf(SampleEntity entity) => new(entity.CollectedAt, entity.Sequence, entity.BatchId);
}
