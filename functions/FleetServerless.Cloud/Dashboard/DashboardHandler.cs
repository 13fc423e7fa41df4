using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Dashboard;

/// <summary><c>GET /api/dashboard</c>: the owner's page, which then calls the API with the key it was opened with.</summary>
public sealed class DashboardHandler(DashboardAssets assets)
{
    public IResult Page(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DashboardPageResult(assets);
    }
}
