using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Pools.Storage;

/// <summary>One pool-side worker connection in one sync slot.</summary>
public sealed class PoolWorkerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = "";

    public string? ConnectionId { get; set; }

    public double? HashrateHps { get; set; }

    public double? HashrateAverageHps { get; set; }

    public double? Hashrate24HourHps { get; set; }

    public bool? Active { get; set; }

    public DateTimeOffset ObservedAt { get; set; }
}
