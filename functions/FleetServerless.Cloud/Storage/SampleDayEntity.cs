using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// An index row saying that a sample partition exists. Partition: UTC day (<c>yyyyMMdd</c>); row: the sample
/// partition key. Rollups list a day's miners here and retention finds old partitions without a table scan.
/// </summary>
public sealed class SampleDayEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SiteId { get; set; } = "";

    public string MinerId { get; set; } = "";

    /// <summary>True once retention deleted the raw samples; the row stays until the rollups expire.</summary>
    public bool RawDeleted { get; set; }
}
