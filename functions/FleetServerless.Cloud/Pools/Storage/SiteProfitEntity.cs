using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Pools.Storage;

/// <summary>One site's profit for one estimate kind. Partition <c>profit</c>; row: site and estimate kind.</summary>
public sealed class SiteProfitEntity : ITableEntity
{
    public const string PartitionName = "profit";

    public string PartitionKey { get; set; } = PartitionName;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SiteId { get; set; } = "";

    public string EstimateKind { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Reason { get; set; }

    public double? GrossRevenueUsd { get; set; }

    public double? PowerCostUsd { get; set; }

    public double? NetProfitUsd { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
