using FleetServerless.Cloud.Alerts;
using FleetServerless.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Alerts;

/// <summary>Active alerts and history, and the maintenance mutes.</summary>
public sealed class AlertsFunction(AlertsHandler handler)
{
    [Function(nameof(Alerts))]
    public Task<IActionResult> Alerts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = AlertTriggers.AlertsRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.ListAsync(request, cancellationToken).ToActionResult();

    [Function(nameof(AlertMutes))]
    public Task<IActionResult> AlertMutes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = AlertTriggers.MutesRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.ListMutesAsync(request, cancellationToken).ToActionResult();

    [Function(nameof(CreateAlertMute))]
    public Task<IActionResult> CreateAlertMute(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = AlertTriggers.MutesRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.CreateMuteAsync(request, cancellationToken).ToActionResult();

    [Function(nameof(DeleteAlertMute))]
    public Task<IActionResult> DeleteAlertMute(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = AlertTriggers.MuteRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        handler.DeleteMuteAsync(request, id, cancellationToken).ToActionResult();
}
