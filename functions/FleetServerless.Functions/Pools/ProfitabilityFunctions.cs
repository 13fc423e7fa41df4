using FleetServerless.Cloud.Profitability;
using FleetServerless.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Pools;

/// <summary>The 5-minute profitability sync and the profitability API.</summary>
public sealed class ProfitabilityFunctions(ProfitabilitySync sync, ProfitabilityHandler handler)
{
    /// <summary>Reads the pool and the network sources; a pool failure is stored in the pool status, not thrown.</summary>
    [Function(nameof(ProfitabilitySync))]
    public Task ProfitabilitySync(
        [TimerTrigger(ProfitabilityTriggers.SyncSchedule)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        sync.RunAsync(cancellationToken);

    [Function(nameof(Profitability))]
    public Task<IActionResult> Profitability(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ProfitabilityTriggers.Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken).ToActionResult();
}
