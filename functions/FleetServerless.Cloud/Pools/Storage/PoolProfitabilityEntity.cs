using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Pools.Storage;

/// <summary>One algorithm's profitability in one sync slot.</summary>
public sealed class PoolProfitabilityEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Provider { get; set; } = "";

    public string Source { get; set; } = "";

    public string Algorithm { get; set; } = "";

    public double? UsdPerMhsDay { get; set; }

    public double? BtcPerMhsDay { get; set; }

    public DateTimeOffset ObservedAt { get; set; }
}
