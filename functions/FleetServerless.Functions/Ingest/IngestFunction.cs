using FleetServerless.Cloud.Ingest;
using FleetServerless.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Ingest;

/// <summary>Ingest over HTTPS: the relay's HTTPS publisher posts one batch per request.</summary>
public sealed class IngestFunction(IngestHandler handler)
{
    [Function(nameof(Ingest))]
    public Task<IActionResult> Ingest(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = IngestTriggers.HttpRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken).ToActionResult();
}
