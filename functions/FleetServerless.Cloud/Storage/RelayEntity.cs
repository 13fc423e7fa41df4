using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// One relay's state. Partition: site id; row: the relay id (escaped by <see cref="StorageKeys.Join"/>). Its
/// sequence gaps (<see cref="RelayGapEntity"/>) share the partition, so both change in one transaction.
/// </summary>
public sealed class RelayEntity : ITableEntity
{
    public const string RelayKind = "relay";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary><see cref="RelayKind"/>; lets a query of the site partition skip gap rows.</summary>
    public string Kind { get; set; } = RelayKind;

    public string SiteId { get; set; } = "";

    public string RelayId { get; set; } = "";

    /// <summary>The lowest sequence number received.</summary>
    public long MinSequence { get; set; }

    /// <summary>The highest sequence number received; the fields below come from that batch.</summary>
    public long MaxSequence { get; set; }

    public string LastBatchId { get; set; } = "";

    /// <summary>When the relay built its newest batch, by the relay's clock.</summary>
    public DateTimeOffset LastBatchCreatedAt { get; set; }

    public string? Version { get; set; }

    public double? UptimeSeconds { get; set; }

    public int? OutboxDepth { get; set; }

    public int? MinersConfigured { get; set; }

    public int? SamplesThinned { get; set; }

    /// <summary>Sample count of the newest batch.</summary>
    public int LastBatchSamples { get; set; }

    /// <summary>Number of open gaps: ranges of sequence numbers between min and max never received.</summary>
    public int GapCount { get; set; }

    /// <summary>Batches missing in all open gaps together.</summary>
    public long MissingBatches { get; set; }

    public static string RowKeyFor(string relayId) => StorageKeys.Join(relayId);
}
