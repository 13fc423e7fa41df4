namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// The logical names of the alert tables; the stored name has the storage prefix in front. <c>docs/storage.md</c>
/// gives their keys.
/// </summary>
public static class AlertTableNames
{
    /// <summary>Alert states, miner windows and relay presence. Partition: site.</summary>
    public const string State = "AlertState";

    /// <summary>Every fired, repeated, resolved and flapping event, delivered or suppressed. Partition: site.</summary>
    public const string Log = "AlertLog";

    /// <summary>Maintenance mutes. One partition.</summary>
    public const string Mutes = "AlertMutes";
}
