using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FleetServerless.Cloud.Notifications;

namespace FleetServerless.Cloud.Tests.Notifications;

/// <summary>Each channel type against a real receiver on loopback: what arrives, and that no secret is logged.</summary>
public sealed class ChannelDeliveryTests
{
    private const string WebhookSecret = "whsec-0123456789abcdef";
    private const string BotToken = "123456:telegram-secret-token";

    [Fact]
    public async Task Slack_PostsHeadlineAndFacts()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var host = Host(Channel("slack", "slack", ("Url", receiver.Url("services/T000/B000/slack-token").ToString())));

        await host.Handler.HandleAsync(TestNotifications.Message("slack", TestNotifications.ChipCritical()), CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        var body = JsonNode.Parse(request.BodyText)!;
        Assert.Equal("/services/T000/B000/slack-token", request.Path);
        Assert.Equal("🔴 CRITICAL · Chip temperature critical · rig-01 at north", body["text"]!.GetValue<string>());
        var section = body["blocks"]![1]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("*Miner:* rig-01 (127.0.0.12)", section, StringComparison.Ordinal);
        Assert.Contains("*Value:* 92 °C (threshold 90 °C)", section, StringComparison.Ordinal);
        Assert.Contains("*Since:* 2026-12-04 01:58 UTC (12 min)", section, StringComparison.Ordinal);
        Assert.DoesNotContain("slack-token", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_PostsEmbedWithoutMentions()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var host = Host(Channel("discord", "discord", ("Url", receiver.Url("api/webhooks/1/discord-token").ToString())));

        await host.Handler.HandleAsync(TestNotifications.Message("discord", TestNotifications.ChipCritical()), CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(receiver.Requests).BodyText)!;
        var embed = body["embeds"]![0]!;
        Assert.Equal(0xE01E5A, embed["color"]!.GetValue<int>());
        Assert.Contains(embed["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "Site" && f["value"]!.GetValue<string>() == "north");
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.DoesNotContain("discord-token", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_PostsAdaptiveCard()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var host = Host(Channel("teams", "teams", ("Url", receiver.Url("workflows/teams-token").ToString())));

        await host.Handler.HandleAsync(TestNotifications.Message("teams", TestNotifications.ChipCritical()), CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(receiver.Requests).BodyText)!;
        var attachment = body["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        var facts = attachment["content"]!["body"]![1]!["facts"]!.AsArray();
        Assert.Contains(facts, f => f!["title"]!.GetValue<string>() == "Value" && f["value"]!.GetValue<string>() == "92 °C (threshold 90 °C)");
    }

    [Fact]
    public async Task Telegram_SendsHtmlMessageToChat()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var host = Host(Channel("tg", "telegram",
            ("ApiBaseUrl", receiver.BaseAddress.ToString()), ("BotToken", BotToken), ("ChatId", "-100200300")));

        await host.Handler.HandleAsync(TestNotifications.Message("tg", TestNotifications.RelaySilent(40)), CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        var body = JsonNode.Parse(request.BodyText)!;
        Assert.Equal($"/bot{BotToken}/sendMessage", request.Path);
        Assert.Equal("-100200300", body["chat_id"]!.GetValue<string>());
        Assert.Equal("HTML", body["parse_mode"]!.GetValue<string>());
        var text = body["text"]!.GetValue<string>();
        Assert.Contains("<b>Miners not reported:</b> 40", text, StringComparison.Ordinal);
        Assert.Contains("… and 20 more", text, StringComparison.Ordinal);
        Assert.DoesNotContain("telegram-secret-token", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telegram_AnswerWithoutOk_Fails()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.SuccessBody = "{\"ok\":false,\"description\":\"chat not found\"}";
        using var host = Host(Channel("tg", "telegram",
            ("ApiBaseUrl", receiver.BaseAddress.ToString()), ("BotToken", BotToken), ("ChatId", "1")));

        await Assert.ThrowsAsync<NotificationDeliveryException>(
            () => host.Handler.HandleAsync(TestNotifications.Message("tg", TestNotifications.ChipCritical()), CancellationToken.None));
    }

    [Fact]
    public async Task Webhook_SignatureVerifiesOverBody()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var host = Host(Channel("hook", "webhook", ("Url", receiver.Url("hooks/alerts").ToString()), ("Secret", WebhookSecret)));
        var notification = TestNotifications.ChipCritical();

        await host.Handler.HandleAsync(TestNotifications.Message("hook", notification), CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), request.Body));
        Assert.Equal(expected, request.Headers["X-FleetServerless-Signature"]);
        Assert.Equal(notification.Id, request.Headers["X-FleetServerless-Delivery"]);
        Assert.Equal("fired", request.Headers["X-FleetServerless-Event"]);
        var body = JsonNode.Parse(request.BodyText)!;
        Assert.Equal("chip-temp-critical", body["notification"]!["ruleId"]!.GetValue<string>());
        Assert.Equal(92, body["notification"]!["items"]![0]!["value"]!.GetValue<double>());
        Assert.DoesNotContain(WebhookSecret, host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void WebhookSignature_RejectsChangedBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        var header = WebhookSignature.Compute(WebhookSecret, body);

        Assert.True(WebhookSignature.Verify(WebhookSecret, body, header));
        Assert.False(WebhookSignature.Verify(WebhookSecret, Encoding.UTF8.GetBytes("{\"a\":2}"), header));
    }

    [Fact]
    public async Task ReceiverError_ThrowsWithChannelNameOnly()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failures: int.MaxValue);
        using var host = Host(Channel("slack", "slack", ("Url", receiver.Url("services/slack-token").ToString())));

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(
            () => host.Handler.HandleAsync(TestNotifications.Message("slack", TestNotifications.ChipCritical()), CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("'slack'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("slack-token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("slack-token", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_ArrivesWithSubjectAndFacts()
    {
        await using var smtp = LoopbackSmtpServer.Start();
        using var host = Host(Channel("mail", "email",
            ("SmtpHost", "127.0.0.1"), ("SmtpPort", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("SmtpSecurity", "None"), ("From", "alerts@mine.example"), ("To:0", "owner@mine.example")));

        await host.Handler.HandleAsync(TestNotifications.Message("mail", TestNotifications.ChipCritical()), CancellationToken.None);

        Assert.True(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("🔴 CRITICAL · Chip temperature critical · rig-01 at north", message.Subject);
        Assert.Equal("owner@mine.example", message.To.Mailboxes.Single().Address);
        Assert.Contains("Value: 92 °C (threshold 90 °C)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<td>north</td>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownChannelInMessage_IsDroppedNotRetried()
    {
        using var host = Host(Channel("slack", "slack", ("Url", "http://127.0.0.1:9/never")));

        await host.Handler.HandleAsync(TestNotifications.Message("gone", TestNotifications.ChipCritical()), CancellationToken.None);

        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("channel gone is no longer configured", StringComparison.Ordinal));
    }

    private static NotificationTestHost Host(IEnumerable<KeyValuePair<string, string?>> settings) => new(settings);

    private static IEnumerable<KeyValuePair<string, string?>> Channel(string name, string type, params (string Key, string Value)[] settings) =>
        settings.Select(s => new KeyValuePair<string, string?>($"Notifications:Channels:{name}:{s.Key}", s.Value))
            .Append(new($"Notifications:Channels:{name}:Type", type));
}
