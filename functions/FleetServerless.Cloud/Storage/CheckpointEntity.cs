using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// Where the drain stopped in one partition. Partition: hub and consumer group (<see cref="PartitionFor"/>);
/// row: the Event Hubs partition id. The drain resumes after <see cref="SequenceNumber"/>.
/// </summary>
public sealed class CheckpointEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The sequence number of the last event processed (stored or put aside as poison).</summary>
    public long SequenceNumber { get; set; }

    public string? Offset { get; set; }

    public DateTimeOffset EnqueuedTime { get; set; }

    public static string PartitionFor(string hubName, string consumerGroup) => StorageKeys.Join(hubName, consumerGroup);
}
