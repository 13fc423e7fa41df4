using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// One delivery channel, under <c>Notifications:Channels:&lt;name&gt;</c>. Which settings apply depends on
/// <see cref="Type"/>; <c>docs/alerts.md</c> lists them per type. Secret settings are never logged or returned.
/// </summary>
public sealed class ChannelOptions
{
    /// <summary><c>slack</c>, <c>discord</c>, <c>teams</c>, <c>telegram</c>, <c>webhook</c> or <c>email</c>. Required.</summary>
    public string? Type { get; set; }

    /// <summary>Whether the channel receives messages. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The lowest severity sent to the channel: <c>Info</c>, <c>Warning</c> or <c>Critical</c>. Default Info (everything).</summary>
    public AlertSeverity MinSeverity { get; set; } = AlertSeverity.Info;

    /// <summary>Sites whose alerts the channel receives; empty (default) means every site.</summary>
    public List<string> Sites { get; set; } = [];

    /// <summary>
    /// Secret. The webhook address for slack, discord, teams and webhook channels. Must be https, except on a
    /// loopback address. Default: none.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>Secret. The HMAC-SHA256 key of a webhook channel, at least 16 characters. Default: none.</summary>
    public string? Secret { get; set; }

    /// <summary>Secret. The Telegram bot token (<c>123456:ABC...</c>). Default: none.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Telegram chat id (a number, negative for groups) or <c>@channelname</c>. Default: none.</summary>
    public string? ChatId { get; set; }

    /// <summary>
    /// The Telegram Bot API address, <c>https://api.telegram.org</c> in production. Default: none, so that no
    /// configuration reaches a real service without saying so.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>The SMTP server host name. Default: none.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP server port. Default 587.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> or <c>None</c> (loopback relays only).</summary>
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The SMTP user name; empty (default) sends without authentication.</summary>
    public string? Username { get; set; }

    /// <summary>Secret. The SMTP password. Default: none.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address of e-mail (<c>alerts@mine.example</c>). Default: none.</summary>
    public string? From { get; set; }

    /// <summary>The recipients of e-mail. Default: none.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>How long one delivery attempt may take. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether the channel takes a notification of this severity and site.</summary>
    public bool Accepts(AlertNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return Enabled
               && notification.Severity >= MinSeverity
               && (Sites.Count == 0 || Sites.Contains(notification.SiteId, StringComparer.Ordinal));
    }
}
