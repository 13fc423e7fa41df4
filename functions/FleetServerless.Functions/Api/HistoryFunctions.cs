using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Api.History;
using FleetServerless.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Api;

/// <summary>Fleet and miner history from the cheapest table that serves the interval, paged.</summary>
public sealed class HistoryFunctions(HistoryHandler handler)
{
    [Function(nameof(FleetHistory))]
    public Task<IActionResult> FleetHistory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = OwnerApiRoutes.FleetHistory)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.FleetAsync(request, cancellationToken).ToActionResult();

    [Function(nameof(MinerHistory))]
    public Task<IActionResult> MinerHistory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = OwnerApiRoutes.MinerHistory)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        handler.MinerAsync(request, id, cancellationToken).ToActionResult();
}
