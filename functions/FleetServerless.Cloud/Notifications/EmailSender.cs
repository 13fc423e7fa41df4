using System.Net;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// E-mail over SMTP with MailKit: the headline as subject, a plain-text part and a small HTML part with the
/// same facts. One connection per message, which is plenty at alert rates.
/// </summary>
public sealed class EmailSender : INotificationSender
{
    public string ChannelType => ChannelTypes.Email;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var channel = delivery.Channel;
        var message = BuildMessage(delivery);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(channel.Timeout);
        using var client = new SmtpClient { Timeout = (int)channel.Timeout.TotalMilliseconds };
        try
        {
            var security = channel.SmtpSecurity switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(channel.SmtpHost!, channel.SmtpPort, security, timeout.Token);
            if (!string.IsNullOrEmpty(channel.Username))
            {
                await client.AuthenticateAsync(channel.Username, channel.Password ?? "", timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationDeliveryException($"Channel '{delivery.ChannelName}' (email) timed out after {channel.Timeout}.");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException
                                       or ServiceNotConnectedException or System.Net.Sockets.SocketException or IOException)
        {
            throw new NotificationDeliveryException(
                $"Channel '{delivery.ChannelName}' (email) failed at {channel.SmtpHost}:{channel.SmtpPort}: {ex.GetType().Name}.");
        }
    }

    public static MimeMessage BuildMessage(NotificationDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var text = delivery.Text;
        var message = new MimeMessage { Subject = text.Headline };
        message.From.Add(MailboxAddress.Parse(delivery.Channel.From!));
        foreach (var to in delivery.Channel.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        // A stable Message-ID per notification and channel lets mail clients drop a duplicate after a retry.
        message.MessageId = $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(delivery.Notification.Id)))[..32]}.{delivery.ChannelName}@fleetserverless";
        message.Date = delivery.Notification.OccurredAt;

        var builder = new BodyBuilder { TextBody = text.ToPlainText(), HtmlBody = BuildHtml(text) };
        message.Body = builder.ToMessageBody();
        return message;
    }

    private static string BuildHtml(NotificationText text)
    {
        var html = new StringBuilder();
        html.Append("<div style=\"font-family:sans-serif;font-size:15px\">");
        html.Append("<p style=\"font-size:17px;font-weight:bold;border-left:6px solid ").Append(text.Color).Append(";padding-left:8px\">")
            .Append(WebUtility.HtmlEncode(text.Headline)).Append("</p><table>");
        foreach (var fact in text.Facts)
        {
            html.Append("<tr><td style=\"color:#666;padding-right:12px;vertical-align:top\">").Append(WebUtility.HtmlEncode(fact.Label))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(fact.Value)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (text.Lines.Count > 0)
        {
            html.Append("<ul>");
            foreach (var line in text.Lines)
            {
                html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (text.MoreCount > 0)
        {
            html.Append("<p>… and ").Append(text.MoreCount).Append(" more</p>");
        }

        if (text.DashboardUrl is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(text.DashboardUrl.ToString())).Append("\">Open the dashboard</a></p>");
        }

        return html.Append("</div>").ToString();
    }
}
