using FleetServerless.Cloud.Alerts;
using FleetServerless.Cloud.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Alerts;

/// <summary>
/// Sends one queued notification to its channel. A failure throws, so the queue redelivers the message up to
/// <c>maxDequeueCount</c> (host.json: 5) times and then moves it to <c>alert-notifications-poison</c>.
/// The queue lives in the <c>AzureWebJobsStorage</c> account, the same account as <c>Storage</c>.
/// </summary>
public sealed class AlertDeliveryFunction(NotificationDeliveryHandler handler)
{
    [Function(nameof(AlertDelivery))]
    public Task AlertDelivery(
        [QueueTrigger(AlertTriggers.DeliveryQueue)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
