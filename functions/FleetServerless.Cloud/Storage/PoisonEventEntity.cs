using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// An event the drain could not read, kept for an operator. Partition: hub and partition id; row: the event's
/// sequence number, zero-padded.
/// </summary>
public sealed class PoisonEventEntity : ITableEntity
{
    /// <summary>Table Storage allows 64 KiB per binary property; longer bodies are cut to this length.</summary>
    public const int MaxStoredBodyBytes = 60 * 1024;

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string PartitionId { get; set; } = "";

    public long SequenceNumber { get; set; }

    public DateTimeOffset EnqueuedTime { get; set; }

    /// <summary>Why the event was put aside: the JSON error or the first validation problems.</summary>
    public string Reason { get; set; } = "";

    public byte[] Body { get; set; } = [];

    public int BodyLength { get; set; }

    public bool BodyTruncated { get; set; }

    public static string PartitionFor(string hubName, string partitionId) => StorageKeys.Join(hubName, partitionId);
}
