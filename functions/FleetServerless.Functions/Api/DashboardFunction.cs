using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Dashboard;
using FleetServerless.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Api;

/// <summary>The owner's dashboard page; open it as <c>/api/dashboard?code=KEY</c>.</summary>
public sealed class DashboardFunction(DashboardHandler handler)
{
    [Function(nameof(Dashboard))]
    public IActionResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = OwnerApiRoutes.Dashboard)] HttpRequest request) =>
        handler.Page(request).ToActionResult();
}
