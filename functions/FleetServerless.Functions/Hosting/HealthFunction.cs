using FleetServerless.Cloud.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Hosting;

/// <summary>Anonymous liveness check for load balancers and the deploy script.</summary>
public sealed class HealthFunction(HealthHandler handler)
{
    [Function(nameof(Health))]
    public IActionResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HealthTriggers.Route)] HttpRequest request) =>
        handler.Handle(request).ToActionResult();
}
