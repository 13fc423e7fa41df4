using FleetServerless.Cloud.Fleet;
using FleetServerless.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Fleet;

/// <summary>The fleet summary per site and overall, from the latest state.</summary>
public sealed class FleetFunction(FleetHandler handler)
{
    [Function(nameof(Fleet))]
    public Task<IActionResult> Fleet(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = FleetTriggers.SummaryRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken).ToActionResult();
}
