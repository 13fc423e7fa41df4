namespace FleetServerless.Cloud.Fleet;

/// <summary>Routes of the fleet functions, shared by the Functions app and the DevHost.</summary>
public static class FleetTriggers
{
    /// <summary>Route of the fleet summary, under the <c>api</c> prefix: <c>GET /api/fleet</c>.</summary>
    public const string SummaryRoute = "fleet";
}
