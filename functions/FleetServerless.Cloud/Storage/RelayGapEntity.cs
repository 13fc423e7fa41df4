using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// A range of sequence numbers a relay never delivered (yet). Partition: site id; row: relay id, <c>gap</c> and
/// the first missing sequence number, zero-padded. A late replay shrinks or removes the row.
/// </summary>
public sealed class RelayGapEntity : ITableEntity
{
    public const string GapKind = "gap";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Kind { get; set; } = GapKind;

    public string SiteId { get; set; } = "";

    public string RelayId { get; set; } = "";

    /// <summary>The first missing sequence number.</summary>
    public long FromSequence { get; set; }

    /// <summary>The last missing sequence number, inclusive.</summary>
    public long ToSequence { get; set; }

    public long MissingBatches { get; set; }

    public static string RowKeyPrefix(string relayId) => StorageKeys.Join(relayId, GapKind) + StorageKeys.Separator;

    public static string RowKeyFor(string relayId, long fromSequence) => RowKeyPrefix(relayId) + StorageKeys.Number(fromSequence);
}
