namespace FleetServerless.Cloud.Pools.Storage;

/// <summary>Logical names of the pool tables; the stored name has <c>Storage:TablePrefix</c> in front.</summary>
public static class PoolTableNames
{
    /// <summary>Pool status, per-miner comparison and per-site profit. Partitions <c>pool</c>, <c>comparison</c>, <c>profit</c>.</summary>
    public const string Status = "PoolStatus";

    /// <summary>Profitability per 5-minute slot. Partition: provider, algorithm and UTC day; row: slot start.</summary>
    public const string Profitability = "PoolProfitability";

    /// <summary>Pool-side workers per slot. Partition: provider and UTC day; row: slot start, worker, connection.</summary>
    public const string Workers = "PoolWorkers";
}
