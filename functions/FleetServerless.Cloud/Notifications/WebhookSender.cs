using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// Generic JSON webhooks: the whole notification plus its ready-made text, signed with
/// <see cref="WebhookSignature"/> so the receiver can check that the body came from this deployment.
/// </summary>
public sealed class WebhookSender(NotificationHttp http) : INotificationSender
{
    public string ChannelType => ChannelTypes.Webhook;

    public Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var json = BuildPayload(delivery.Notification, delivery.Text).ToJsonString();
        var headers = new Dictionary<string, string>
        {
            [WebhookSignature.HeaderName] = WebhookSignature.Compute(delivery.Channel.Secret!, Encoding.UTF8.GetBytes(json)),
            [WebhookSignature.DeliveryHeaderName] = delivery.Notification.Id,
            [WebhookSignature.EventHeaderName] = JsonNamingPolicy.CamelCase.ConvertName(delivery.Notification.Kind.ToString()),
        };
        return http.PostJsonAsync(delivery, delivery.Channel.Url!, json, headers, cancellationToken);
    }

    /// <summary>The body: <c>notification</c> as the queue carries it, and <c>text</c> for receivers that only display.</summary>
    public static JsonObject BuildPayload(AlertNotification notification, NotificationText text)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(text);
        return new JsonObject
        {
            ["schema"] = "fleetserverless.alert",
            ["schemaVersion"] = 1,
            ["notification"] = JsonSerializer.SerializeToNode(notification, NotificationJson.Options),
            ["text"] = new JsonObject
            {
                ["headline"] = text.Headline,
                ["plain"] = text.ToPlainText(),
            },
        };
    }
}
