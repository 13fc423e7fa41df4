using System.Globalization;
using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// Discord webhooks: the headline as <c>content</c> (the push notification) and an embed with the facts as
/// fields, within Discord's limits (256 characters per title, 25 fields, 1,024 per field value, 4,096 per
/// description). Mentions are switched off so a miner name can never ping anyone.
/// </summary>
public sealed class DiscordSender(NotificationHttp http) : INotificationSender
{
    public string ChannelType => ChannelTypes.Discord;

    public Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var json = BuildPayload(delivery.Text, delivery.Notification.OccurredAt).ToJsonString();
        return http.PostJsonAsync(delivery, delivery.Channel.Url!, json, null, cancellationToken);
    }

    public static JsonObject BuildPayload(NotificationText text, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new JsonArray(text.Facts.Take(25).Select(f => (JsonNode)new JsonObject
        {
            ["name"] = SlackSender.Truncate(f.Label, 256),
            ["value"] = SlackSender.Truncate(f.Value, 1024),
            ["inline"] = f.Label is "Site" or "Value" or "Count",
        }).ToArray());

        var description = string.Join("\n", text.Lines.Select(l => $"• {l}"));
        if (text.MoreCount > 0)
        {
            description += $"\n… and {text.MoreCount} more";
        }

        var embed = new JsonObject
        {
            ["title"] = SlackSender.Truncate(text.Headline, 256),
            ["color"] = int.Parse(text.Color.TrimStart('#'), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ["fields"] = fields,
            ["timestamp"] = occurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        if (description.Length > 0)
        {
            embed["description"] = SlackSender.Truncate(description, 4096);
        }

        if (text.DashboardUrl is not null)
        {
            embed["url"] = text.DashboardUrl.ToString();
        }

        return new JsonObject
        {
            ["content"] = SlackSender.Truncate(text.Headline, 2000),
            ["embeds"] = new JsonArray(embed),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
    }
}
