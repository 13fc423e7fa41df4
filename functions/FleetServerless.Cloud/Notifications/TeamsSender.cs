using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// Microsoft Teams incoming webhooks as Workflows creates them: a <c>message</c> with one Adaptive Card
/// (version 1.4) holding the headline, a fact set and the list of subjects.
/// </summary>
public sealed class TeamsSender(NotificationHttp http) : INotificationSender
{
    public string ChannelType => ChannelTypes.Teams;

    public Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var json = BuildPayload(delivery.Text).ToJsonString();
        return http.PostJsonAsync(delivery, delivery.Channel.Url!, json, null, cancellationToken);
    }

    public static JsonObject BuildPayload(NotificationText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = text.Headline,
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
                ["color"] = CardColor(text.Color),
            },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(text.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value }).ToArray()),
            },
        };

        var lines = text.Lines.Select(l => $"- {l}").ToList();
        if (text.MoreCount > 0)
        {
            lines.Add($"… and {text.MoreCount} more");
        }

        if (lines.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join("\n", lines), ["wrap"] = true });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (text.DashboardUrl is not null)
        {
            card["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.OpenUrl",
                ["title"] = "Open the dashboard",
                ["url"] = text.DashboardUrl.ToString(),
            });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = text.Headline,
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["content"] = card,
            }),
        };
    }

    /// <summary>Maps the message color to the Adaptive Card text colors: green, red, else amber.</summary>
    private static string CardColor(string color) => color switch
    {
        "#2EB67D" => "Good",
        "#E01E5A" => "Attention",
        _ => "Warning",
    };
}
