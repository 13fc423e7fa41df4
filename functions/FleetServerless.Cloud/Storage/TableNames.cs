namespace FleetServerless.Cloud.Storage;

/// <summary>
/// The logical names of the cloud side's tables; the stored name is <see cref="StorageOptions.TablePrefix"/>
/// followed by the logical name. <c>docs/storage.md</c> gives each table's keys and the reasons for them.
/// </summary>
public static class TableNames
{
    /// <summary>One row per miner: its latest sample. Partition: site; row: miner.</summary>
    public const string Latest = "Latest";

    /// <summary>Raw samples. Partition: one miner's UTC day; row: collection time.</summary>
    public const string Samples = "Samples";

    /// <summary>Which sample partitions exist per day, for rollups and retention. Partition: day; row: sample partition.</summary>
    public const string SampleDays = "SampleDays";

    /// <summary>Hours whose rollups must be rebuilt because samples arrived for them.</summary>
    public const string RollupsPending = "RollupsPending";

    /// <summary>Fleet rollups per 5 minutes, per site and for all sites.</summary>
    public const string RollupsFleet5m = "RollupsFleet5m";

    /// <summary>Per-miner rollups per hour.</summary>
    public const string RollupsMinerHourly = "RollupsMinerHourly";

    /// <summary>Per-miner rollups per day.</summary>
    public const string RollupsMinerDaily = "RollupsMinerDaily";

    /// <summary>Relays (last batch, version, outbox depth) and their sequence gaps. Partition: site.</summary>
    public const string Relays = "Relays";

    /// <summary>Event Hubs checkpoints. Partition: hub and consumer group; row: partition id.</summary>
    public const string Checkpoints = "Checkpoints";

    /// <summary>Events the drain could not read, stored aside with partition and sequence number.</summary>
    public const string PoisonEvents = "PoisonEvents";
}
