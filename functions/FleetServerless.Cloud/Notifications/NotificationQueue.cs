using System.Text.Json;
using Azure.Storage.Queues;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// Puts notifications on the delivery queue, one message per accepting channel, Base64-encoded because
/// <c>host.json</c> sets the queue trigger's <c>messageEncoding</c> to <c>base64</c>.
/// </summary>
public sealed partial class NotificationQueue(
    FleetTableClients storage,
    IOptionsMonitor<NotificationOptions> options,
    IOptions<NotificationQueueOptions> queueOptions,
    TimeProvider time,
    ILogger<NotificationQueue> logger)
{
    /// <summary>The delivery queue; the trigger attribute needs the name as a constant.</summary>
    public const string QueueName = "alert-notifications";

    /// <summary>The queue the trigger moves a message to after its last failed delivery.</summary>
    public const string PoisonQueueName = QueueName + "-poison";

    private int _created;

    /// <summary>Queues every notification for each channel that accepts it; returns the number of messages sent.</summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<AlertNotification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count == 0)
        {
            return 0;
        }

        var queue = await GetQueueAsync(cancellationToken);
        var channels = options.CurrentValue.Channels;
        var sent = 0;
        foreach (var notification in notifications)
        {
            var accepting = channels.Where(c => c.Value.Accepts(notification)).Select(c => c.Key).ToList();
            if (accepting.Count == 0)
            {
                LogNoChannel(notification.Id, notification.RuleId, notification.SiteId);
            }

            foreach (var channel in accepting)
            {
                var envelope = new NotificationEnvelope { Channel = channel, Notification = notification, QueuedAt = time.GetUtcNow() };
                await queue.SendMessageAsync(JsonSerializer.Serialize(envelope, NotificationJson.Options), cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private async Task<QueueClient> GetQueueAsync(CancellationToken cancellationToken)
    {
        var queue = storage.GetQueue(queueOptions.Value.QueueName);
        if (Interlocked.CompareExchange(ref _created, 1, 0) == 0)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        return queue;
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information,
        Message = "No channel takes notification {NotificationId} (rule {RuleId}, site {SiteId}); it is in the alert log only")]
    private partial void LogNoChannel(string notificationId, string ruleId, string siteId);
}
