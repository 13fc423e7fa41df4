namespace FleetServerless.Cloud.Notifications;

/// <summary>The channel types a <c>Notifications:Channels:&lt;name&gt;:Type</c> setting may name.</summary>
public static class ChannelTypes
{
    /// <summary>A Slack incoming webhook.</summary>
    public const string Slack = "slack";

    /// <summary>A Discord channel webhook.</summary>
    public const string Discord = "discord";

    /// <summary>A Microsoft Teams incoming webhook (a Workflows "when a webhook request is received" flow).</summary>
    public const string Teams = "teams";

    /// <summary>A Telegram bot sending to one chat.</summary>
    public const string Telegram = "telegram";

    /// <summary>A generic JSON webhook signed with HMAC-SHA256.</summary>
    public const string Webhook = "webhook";

    /// <summary>E-mail over SMTP.</summary>
    public const string Email = "email";

    public static IReadOnlyList<string> All { get; } = [Slack, Discord, Teams, Telegram, Webhook, Email];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.OrdinalIgnoreCase);
}
