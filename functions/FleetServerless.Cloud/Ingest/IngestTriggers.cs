namespace FleetServerless.Cloud.Ingest;

/// <summary>Routes and schedules of the ingest functions, shared by the Functions app and the DevHost.</summary>
public static class IngestTriggers
{
    /// <summary>Route of HTTPS ingest, under the <c>api</c> prefix: <c>POST /api/ingest</c>.</summary>
    public const string HttpRoute = "ingest";

    /// <summary>The Event Hubs drain: every 30 seconds (NCRONTAB with seconds).</summary>
    public const string DrainSchedule = "*/30 * * * * *";
}
