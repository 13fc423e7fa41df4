using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Api.Miners;
using FleetServerless.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Api;

/// <summary>The miner list and one miner's latest state with boards and pools.</summary>
public sealed class MinersFunctions(MinersHandler handler)
{
    [Function(nameof(Miners))]
    public Task<IActionResult> Miners(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = OwnerApiRoutes.Miners)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.ListAsync(request, cancellationToken).ToActionResult();

    [Function(nameof(Miner))]
    public Task<IActionResult> Miner(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = OwnerApiRoutes.Miner)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        handler.GetAsync(request, id, cancellationToken).ToActionResult();
}
