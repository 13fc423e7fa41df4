namespace FleetServerless.Cloud.Api;

/// <summary>Routes of the owner API under the <c>api</c> prefix, shared by the Functions app and the DevHost.</summary>
public static class OwnerApiRoutes
{
    /// <summary><c>GET /api/miners</c>.</summary>
    public const string Miners = "miners";

    /// <summary><c>GET /api/miners/{id}</c>.</summary>
    public const string Miner = "miners/{id}";

    /// <summary><c>GET /api/miners/{id}/history</c>.</summary>
    public const string MinerHistory = "miners/{id}/history";

    /// <summary><c>GET /api/fleet/history</c>.</summary>
    public const string FleetHistory = "fleet/history";

    /// <summary><c>GET /api/export/{dataset}.csv</c>.</summary>
    public const string Export = "export/{dataset}.csv";

    /// <summary><c>GET /api/dashboard</c>: the owner's page.</summary>
    public const string Dashboard = "dashboard";
}
