using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// Rejects channel settings at start with the setting named: an unknown type, a missing setting, an address that
/// is not https outside loopback. Messages give the scheme and host of a bad address, never its path or query,
/// which carry the webhook's token.
/// </summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DashboardUrl is { } dashboard)
        {
            RequireHttps(dashboard, $"{NotificationOptions.SectionName}:DashboardUrl", failures);
        }

        foreach (var (channelName, channel) in options.Channels)
        {
            ValidateChannel($"{NotificationOptions.SectionName}:Channels:{channelName}", channel, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateChannel(string path, ChannelOptions channel, List<string> failures)
    {
        if (!ChannelTypes.IsKnown(channel.Type))
        {
            failures.Add($"{path}:Type is '{channel.Type}', which is not a channel type. Use one of: {string.Join(", ", ChannelTypes.All)}.");
            return;
        }

        if (channel.Timeout <= TimeSpan.Zero || channel.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{path}:Timeout is {channel.Timeout}; set it between 00:00:01 and 00:02:00.");
        }

        switch (channel.Type!.ToLowerInvariant())
        {
            case ChannelTypes.Slack or ChannelTypes.Discord or ChannelTypes.Teams:
                RequireUrl(channel.Url, $"{path}:Url", failures);
                break;
            case ChannelTypes.Webhook:
                RequireUrl(channel.Url, $"{path}:Url", failures);
                if (string.IsNullOrEmpty(channel.Secret) || channel.Secret.Length < 16)
                {
                    failures.Add($"{path}:Secret is missing or shorter than 16 characters; set a random signing key of at least 16 characters.");
                }

                break;
            case ChannelTypes.Telegram:
                ValidateTelegram(path, channel, failures);
                break;
            case ChannelTypes.Email:
                ValidateEmail(path, channel, failures);
                break;
        }
    }

    private static void ValidateTelegram(string path, ChannelOptions channel, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(channel.BotToken) || !channel.BotToken.Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"{path}:BotToken is missing or not of the form '<bot id>:<secret>' that the bot's creator gives.");
        }

        if (string.IsNullOrWhiteSpace(channel.ChatId))
        {
            failures.Add($"{path}:ChatId is missing; set the chat's numeric id or '@channelname'.");
        }

        RequireUrl(channel.ApiBaseUrl, $"{path}:ApiBaseUrl", failures);
    }

    private static void ValidateEmail(string path, ChannelOptions channel, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(channel.SmtpHost))
        {
            failures.Add($"{path}:SmtpHost is missing; set the SMTP server's host name.");
        }
        else if (channel.SmtpSecurity == SmtpSecurity.None && !LoopbackAddresses.IsLoopback(channel.SmtpHost))
        {
            failures.Add($"{path}:SmtpSecurity is None for host '{channel.SmtpHost}', which is not a loopback address; " +
                         "use StartTls or SslOnConnect.");
        }

        if (channel.SmtpPort is < 1 or > 65535)
        {
            failures.Add($"{path}:SmtpPort is {channel.SmtpPort}; set a port between 1 and 65535 (587 for STARTTLS, 465 for TLS).");
        }

        if (!string.IsNullOrEmpty(channel.Username) && string.IsNullOrEmpty(channel.Password))
        {
            failures.Add($"{path}:Password is missing while {path}:Username is set.");
        }

        if (!IsAddress(channel.From))
        {
            failures.Add($"{path}:From is missing or not an e-mail address.");
        }

        if (channel.To.Count == 0)
        {
            failures.Add($"{path}:To is empty; list at least one recipient.");
        }

        for (var i = 0; i < channel.To.Count; i++)
        {
            if (!IsAddress(channel.To[i]))
            {
                failures.Add($"{path}:To:{i} '{channel.To[i]}' is not an e-mail address.");
            }
        }
    }

    private static void RequireUrl(Uri? url, string setting, List<string> failures)
    {
        if (url is null)
        {
            failures.Add($"{setting} is missing.");
            return;
        }

        RequireHttps(url, setting, failures);
    }

    private static void RequireHttps(Uri url, string setting, List<string> failures)
    {
        if (!url.IsAbsoluteUri)
        {
            failures.Add($"{setting} is not an absolute address; write it with https://.");
            return;
        }

        var https = url.Scheme == Uri.UriSchemeHttps;
        var loopbackHttp = url.Scheme == Uri.UriSchemeHttp && LoopbackAddresses.IsLoopback(url.Host);
        if (!https && !loopbackHttp)
        {
            failures.Add($"{setting} uses '{url.Scheme}' for host '{url.Host}'; it must be https (plain http is allowed only on loopback).");
        }
    }

    private static bool IsAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address) && MailAddress.TryCreate(address, out _);
}
