using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// Slack incoming webhooks: a <c>text</c> fallback (the push notification) and Block Kit blocks, a header and
/// one mrkdwn section, within Slack's limits of 150 characters per header and 3,000 per section.
/// </summary>
public sealed class SlackSender(NotificationHttp http) : INotificationSender
{
    public string ChannelType => ChannelTypes.Slack;

    public Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var json = BuildPayload(delivery.Text).ToJsonString();
        return http.PostJsonAsync(delivery, delivery.Channel.Url!, json, null, cancellationToken);
    }

    public static JsonObject BuildPayload(NotificationText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Facts.Select(f => $"*{Escape(f.Label)}:* {Escape(f.Value)}")
            .Concat(text.Lines.Select(l => $"• {Escape(l)}"))
            .ToList();
        if (text.MoreCount > 0)
        {
            lines.Add($"… and {text.MoreCount} more");
        }

        if (text.DashboardUrl is not null)
        {
            lines.Add($"<{text.DashboardUrl}|Open the dashboard>");
        }

        return new JsonObject
        {
            ["text"] = text.Headline,
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "header",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(text.Headline, 150), ["emoji"] = true },
                },
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(string.Join("\n", lines), 3000) },
                }),
        };
    }

    /// <summary>Escapes the three characters Slack's mrkdwn reserves.</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
