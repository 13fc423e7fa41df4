using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Api.Export;
using FleetServerless.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Api;

/// <summary>Rollup rows as CSV for Power BI and spreadsheets.</summary>
public sealed class ExportFunction(ExportHandler handler)
{
    [Function(nameof(Export))]
    public Task<IActionResult> Export(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = OwnerApiRoutes.Export)] HttpRequest request,
        string dataset,
        CancellationToken cancellationToken) =>
        handler.ExportAsync(request, dataset, cancellationToken).ToActionResult();
}
