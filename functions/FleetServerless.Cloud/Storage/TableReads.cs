using Azure.Data.Tables;

namespace FleetServerless.Cloud.Storage;

/// <summary>Queries that follow continuation tokens to the last page.</summary>
public static class TableReads
{
    /// <summary>Table Storage returns at most 1,000 entities per page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Reads every row matching <paramref name="filter"/>, page by page, and counts what it read.</summary>
    public static async Task<TableQueryResult<T>> ReadAllAsync<T>(
        TableClient table, string? filter, IEnumerable<string>? select, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var items = new List<T>();
        var pages = 0;
        var pageable = table.QueryAsync<T>(filter, MaxPageSize, select, cancellationToken);
        await foreach (var page in pageable.AsPages(pageSizeHint: MaxPageSize).WithCancellation(cancellationToken))
        {
            pages++;
            items.AddRange(page.Values);
        }

        return new TableQueryResult<T>(items, items.Count, pages);
    }

    /// <summary>A filter for one partition.</summary>
    public static string Partition(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");

    /// <summary>A filter for one partition and a row key range [<paramref name="rowFrom"/>, <paramref name="rowTo"/>).</summary>
    public static string PartitionRowRange(string partitionKey, string rowFrom, string rowTo) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {rowFrom} and RowKey lt {rowTo}");

    /// <summary>A filter for a partition key range [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static string PartitionRange(string from, string to) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
}
