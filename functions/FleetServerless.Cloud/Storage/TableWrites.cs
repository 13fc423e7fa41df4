using Azure.Data.Tables;

namespace FleetServerless.Cloud.Storage;

/// <summary>Writes groups of entities of one partition in entity-group transactions.</summary>
public static class TableWrites
{
    /// <summary>The most operations Table Storage accepts in one entity-group transaction.</summary>
    public const int MaxTransactionSize = 100;

    /// <summary>
    /// Submits the actions, which must all target one partition, in transactions of at most 100. Each
    /// transaction is atomic; the whole call is not, so callers write only rows that are safe to write again.
    /// With <paramref name="useTransactions"/> false it writes one entity per request, the baseline the
    /// ingest benchmark compares with.
    /// </summary>
    public static async Task SubmitAsync(
        TableClient table, IReadOnlyList<TableTransactionAction> actions, bool useTransactions, CancellationToken cancellationToken)
    {
        if (!useTransactions)
        {
            foreach (var action in actions)
            {
                await SubmitOneAsync(table, action, cancellationToken);
            }

            return;
        }

        for (var start = 0; start < actions.Count; start += MaxTransactionSize)
        {
            var chunk = actions.Skip(start).Take(MaxTransactionSize).ToList();
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    /// <summary>Groups actions by partition and submits each partition's actions, several partitions at once.</summary>
    public static Task SubmitByPartitionAsync(
        TableClient table,
        IEnumerable<TableTransactionAction> actions,
        bool useTransactions,
        int maxParallelPartitions,
        CancellationToken cancellationToken)
    {
        var partitions = actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        return Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelPartitions, CancellationToken = cancellationToken },
            async (partition, token) => await SubmitAsync(table, partition, useTransactions, token));
    }

    private static async Task SubmitOneAsync(TableClient table, TableTransactionAction action, CancellationToken cancellationToken)
    {
        var entity = action.Entity;
        _ = action.ActionType switch
        {
            TableTransactionActionType.Add => await table.AddEntityAsync(entity, cancellationToken),
            TableTransactionActionType.UpsertReplace => await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
            TableTransactionActionType.UpsertMerge => await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken),
            TableTransactionActionType.UpdateReplace => await table.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Replace, cancellationToken),
            TableTransactionActionType.UpdateMerge => await table.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Merge, cancellationToken),
            TableTransactionActionType.Delete => await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, action.ETag, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown table action type."),
        };
    }
}
