namespace FleetServerless.Cloud.Hosting;

/// <summary>Route of the health function, the one anonymous route of both hosts.</summary>
public static class HealthTriggers
{
    /// <summary><c>GET /api/health</c>.</summary>
    public const string Route = "health";
}
