using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Pools.Storage;

/// <summary>One miner's latest comparison. Partition <c>comparison</c>; row: site and miner.</summary>
public sealed class MinerComparisonEntity : ITableEntity
{
    public const string PartitionName = "comparison";

    public string PartitionKey { get; set; } = PartitionName;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SiteId { get; set; } = "";

    public string MinerId { get; set; } = "";

    public string? Worker { get; set; }

    public double? MinerSideHps { get; set; }

    public double? PoolSideHps { get; set; }

    public double? Ratio { get; set; }

    public bool SeenByPool { get; set; }

    public int WindowMinutes { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
