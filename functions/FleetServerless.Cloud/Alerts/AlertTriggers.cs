namespace FleetServerless.Cloud.Alerts;

/// <summary>Routes, schedule and queue of the alert functions, shared by the Functions app and the DevHost.</summary>
public static class AlertTriggers
{
    /// <summary><c>GET /api/alerts</c>: active alerts and history.</summary>
    public const string AlertsRoute = "alerts";

    /// <summary><c>GET</c> and <c>POST /api/alerts/mutes</c>.</summary>
    public const string MutesRoute = "alerts/mutes";

    /// <summary><c>DELETE /api/alerts/mutes/{id}</c>.</summary>
    public const string MuteRoute = "alerts/mutes/{id}";

    /// <summary>The watchdog runs at second 0 of every minute (six-field NCRONTAB, UTC).</summary>
    public const string WatchdogSchedule = "0 * * * * *";

    /// <summary>The delivery queue the queue trigger reads.</summary>
    public const string DeliveryQueue = Notifications.NotificationQueue.QueueName;
}
