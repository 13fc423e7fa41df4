using Azure;
using Azure.Data.Tables;

namespace FleetServerless.Cloud.Pools.Storage;

/// <summary>One provider's status row. Partition <c>pool</c>, row: provider name. JSON columns hold lists.</summary>
public sealed class PoolStatusEntity : ITableEntity
{
    public const string PartitionName = "pool";

    public string PartitionKey { get; set; } = PartitionName;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Source { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public DateTimeOffset? DataObservedAt { get; set; }

    /// <summary>The slot of the last successful sync, so a repeated run for the same slot does not call the pool again.</summary>
    public string? LastSuccessfulSlot { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? UnreachableSince { get; set; }

    public DateTimeOffset? ConditionRaisedAt { get; set; }

    public int ConsecutiveFailures { get; set; }

    public double? ScryptUsdPerMhsDay { get; set; }

    public double? ScryptBtcPerMhsDay { get; set; }

    public int? WorkerCount { get; set; }

    public double? FleetHashrateRatio { get; set; }

    public string UnclaimedWorkersJson { get; set; } = "[]";

    public string UnseenMinersJson { get; set; } = "[]";

    public string BalancesJson { get; set; } = "[]";

    public string ProblemsJson { get; set; } = "[]";
}
