namespace FleetServerless.Cloud.Profitability;

/// <summary>Routes and schedules of the profitability functions, shared by the Functions app and the DevHost.</summary>
public static class ProfitabilityTriggers
{
    /// <summary><c>GET /api/profitability</c>.</summary>
    public const string Route = "profitability";

    /// <summary>Every 5 minutes on the minute, UTC (six-field NCRONTAB, seconds first).</summary>
    public const string SyncSchedule = "0 */5 * * * *";
}
