using System.Text.Json;
using FleetServerless.Cloud.Notifications;
using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Tests.Notifications;

/// <summary>Notifications with known content, and their queue message text.</summary>
internal static class TestNotifications
{
    public static readonly DateTimeOffset At = new(2026, 12, 4, 2, 10, 0, TimeSpan.Zero);

    public static AlertNotification ChipCritical(string minerId = "rig-01") => new()
    {
        Id = $"north|chip-temp-critical|{minerId}|Fired|{At.UtcTicks}",
        Kind = AlertEventKind.Fired,
        RuleId = AlertRuleIds.ChipTempCritical,
        Title = "Chip temperature critical",
        Severity = AlertSeverity.Critical,
        SiteId = "north",
        OccurredAt = At,
        Unit = AlertValueUnit.Celsius,
        Threshold = 90,
        ClearThreshold = 85,
        Algorithm = "scrypt",
        Active = true,
        Items =
        [
            new AlertNotificationItem
            {
                EventId = $"chip-temp-critical|{minerId}|Fired|{At.UtcTicks}",
                SubjectKind = AlertSubjectKind.Miner,
                SubjectId = minerId,
                Host = "127.0.0.12",
                Value = 92,
                Since = At.AddMinutes(-12),
            },
        ],
    };

    public static AlertNotification RelaySilent(int miners) => new()
    {
        Id = $"north|relay-silent|relay-1|Fired|{At.UtcTicks}",
        Kind = AlertEventKind.Fired,
        RuleId = AlertRuleIds.RelaySilent,
        Title = "Site offline: relay silent",
        Severity = AlertSeverity.Critical,
        SiteId = "north",
        OccurredAt = At,
        Unit = AlertValueUnit.Seconds,
        Threshold = 300,
        ClearThreshold = 120,
        Active = true,
        Items = [new AlertNotificationItem { EventId = "e", SubjectKind = AlertSubjectKind.Relay, SubjectId = "relay-1", Value = 360, Since = At.AddMinutes(-6) }],
        AffectedMiners = [.. Enumerable.Range(1, miners).Select(i => $"rig-{i:00} (127.0.0.{i + 1})")],
    };

    public static string Message(string channel, AlertNotification notification) =>
        JsonSerializer.Serialize(new NotificationEnvelope { Channel = channel, Notification = notification, QueuedAt = At }, NotificationJson.Options);
}
