using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// Telegram bots: <c>POST {ApiBaseUrl}/bot{token}/sendMessage</c> with HTML formatting, within Telegram's
/// 4,096-character message limit. The token is part of the request path, so it is never logged.
/// </summary>
public sealed class TelegramSender(NotificationHttp http) : INotificationSender
{
    /// <summary>The longest text <c>sendMessage</c> accepts.</summary>
    public const int MaxMessageLength = 4096;

    public string ChannelType => ChannelTypes.Telegram;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var channel = delivery.Channel;
        var baseUrl = channel.ApiBaseUrl!.ToString().TrimEnd('/');
        var url = new Uri($"{baseUrl}/bot{channel.BotToken}/sendMessage");
        var json = BuildPayload(delivery.Text, channel.ChatId!).ToJsonString();
        var body = await http.PostJsonAsync(delivery, url, json, null, cancellationToken);
        if (!ReportsOk(body))
        {
            throw new NotificationDeliveryException(
                $"Channel '{delivery.ChannelName}' (telegram) answered without \"ok\": true.");
        }
    }

    public static JsonObject BuildPayload(NotificationText text, string chatId)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string> { $"<b>{Html(text.Headline)}</b>" };
        lines.AddRange(text.Facts.Select(f => $"<b>{Html(f.Label)}:</b> {Html(f.Value)}"));
        lines.AddRange(text.Lines.Select(l => $"• {Html(l)}"));
        if (text.MoreCount > 0)
        {
            lines.Add($"… and {text.MoreCount} more");
        }

        if (text.DashboardUrl is not null)
        {
            lines.Add($"<a href=\"{Html(text.DashboardUrl.ToString())}\">Open the dashboard</a>");
        }

        var message = string.Join("\n", lines);
        if (message.Length > MaxMessageLength)
        {
            // Cut at a line end, so no HTML tag is left open; a single line that long is cut where it reaches the limit.
            var lineEnd = message.LastIndexOf('\n', MaxMessageLength - 2);
            message = lineEnd > 0 ? message[..lineEnd] + "\n…" : message[..(MaxMessageLength - 1)] + "…";
        }

        return new JsonObject
        {
            ["chat_id"] = chatId,
            ["text"] = message,
            ["parse_mode"] = "HTML",
            ["disable_web_page_preview"] = true,
        };
    }

    private static bool ReportsOk(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["ok"]?.GetValue<bool>() == true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Escapes the characters Telegram's HTML mode reserves; other characters, emoji included, pass as they are.</summary>
    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);
}
