namespace FleetServerless.Cloud.Rollups;

/// <summary>Schedules of the rollup and retention functions, shared by the Functions app and the DevHost.</summary>
public static class RollupTriggers
{
    /// <summary>Rollups: every 5 minutes, at second 20 so a poll cycle that just ended is in.</summary>
    public const string RollupSchedule = "20 */5 * * * *";

    /// <summary>Retention: daily at 03:15 UTC.</summary>
    public const string RetentionSchedule = "0 15 3 * * *";
}
