using System.Text.Json;
using FleetServerless.Core.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// The queue trigger's work: sends one queued notification to its channel. A failure throws, so the queue
/// delivers the message again and, after the max dequeue count, moves it to the poison queue.
/// </summary>
/// <remarks>
/// A message that can never succeed (unreadable, or naming a channel no longer configured) is logged and
/// dropped instead of retried. Nothing here logs a channel address or secret.
/// </remarks>
public sealed partial class NotificationDeliveryHandler(
    IEnumerable<INotificationSender> senders,
    IOptionsMonitor<NotificationOptions> options,
    ILogger<NotificationDeliveryHandler> logger)
{
    private readonly Dictionary<string, INotificationSender> _senders =
        senders.ToDictionary(s => s.ChannelType, StringComparer.OrdinalIgnoreCase);

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var envelope = Read(message);
        if (envelope is null)
        {
            return;
        }

        var notification = envelope.Notification;
        var settings = options.CurrentValue;
        if (!settings.Channels.TryGetValue(envelope.Channel, out var channel) || !channel.Enabled)
        {
            LogChannelGone(envelope.Channel, notification.Id);
            return;
        }

        if (!_senders.TryGetValue(channel.Type ?? "", out var sender))
        {
            LogNoSender(envelope.Channel, channel.Type, notification.Id);
            return;
        }

        var delivery = new NotificationDelivery(envelope.Channel, channel, notification, NotificationText.From(notification, settings.DashboardUrl));
        try
        {
            await sender.SendAsync(delivery, cancellationToken);
        }
        catch (NotificationDeliveryException ex)
        {
            LogDeliveryFailed(envelope.Channel, notification.Id, notification.RuleId, notification.SiteId, ex.Message);
            throw;
        }

        LogDelivered(envelope.Channel, channel.Type, notification.Id, notification.RuleId, notification.Kind, notification.SiteId, notification.Items.Count);
    }

    private NotificationEnvelope? Read(string message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<NotificationEnvelope>(message, NotificationJson.Options);
            if (envelope is { Notification.Items.Count: > 0 } && envelope.Version == NotificationEnvelope.CurrentVersion)
            {
                return envelope;
            }

            LogUnreadable($"version {envelope?.Version} or no items");
        }
        catch (JsonException ex)
        {
            LogUnreadable(ex.Message);
        }

        return null;
    }

    [LoggerMessage(EventId = 7200, Level = LogLevel.Information,
        Message = "Delivered {Kind} notification {NotificationId} (rule {RuleId}, site {SiteId}, {ItemCount} subjects) to channel {Channel} ({ChannelType})")]
    private partial void LogDelivered(string channel, string? channelType, string notificationId, string ruleId, AlertEventKind kind, string siteId, int itemCount);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning,
        Message = "Delivering notification {NotificationId} (rule {RuleId}, site {SiteId}) to channel {Channel} failed: {Reason}; the queue will retry")]
    private partial void LogDeliveryFailed(string channel, string notificationId, string ruleId, string siteId, string reason);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning,
        Message = "Dropped notification {NotificationId}: channel {Channel} is no longer configured or is disabled")]
    private partial void LogChannelGone(string channel, string notificationId);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Error,
        Message = "Dropped notification {NotificationId}: channel {Channel} has type {ChannelType}, which no sender handles")]
    private partial void LogNoSender(string channel, string? channelType, string notificationId);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Error, Message = "Dropped an unreadable delivery queue message: {Reason}")]
    private partial void LogUnreadable(string reason);
}
