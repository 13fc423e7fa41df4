using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// An hour whose rollups must be rebuilt. Partition: <see cref="PendingPartition"/>; row: the UTC hour
/// (<c>2026-12-04T02Z</c>). Ingest rewrites the row for every batch, so its ETag changes, and the rollup job
/// deletes it only when the ETag is still the one it read.
/// </summary>
public sealed class RollupPendingEntity : ITableEntity
{
    public const string PendingPartition = "pending";

    public string PartitionKey { get; set; } = PendingPartition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset HourStart { get; set; }
}
