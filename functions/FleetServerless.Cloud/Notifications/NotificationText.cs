using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// The words of a message, short enough for a phone's lock screen, before a channel lays them out: a headline
/// with what and where, then the miner and site, the value and threshold, and since when.
/// </summary>
public sealed record NotificationText
{
    /// <summary>Subjects listed one per line in a grouped message; the rest are counted.</summary>
    public const int MaxListedSubjects = 20;

    /// <summary>"🔴 FIRING · Chip temperature critical · rig-01 at north".</summary>
    public required string Headline { get; init; }

    public required IReadOnlyList<NotificationFact> Facts { get; init; }

    /// <summary>One line per subject of a grouped message, or per miner behind a silent relay.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>How many subjects were not listed.</summary>
    public required int MoreCount { get; init; }

    /// <summary>The severity color as #RRGGBB: red critical, orange warning, blue info, green resolved.</summary>
    public required string Color { get; init; }

    public Uri? DashboardUrl { get; init; }

    /// <summary>Builds the text of a notification.</summary>
    public static NotificationText From(AlertNotification notification, Uri? dashboardUrl = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var facts = new List<NotificationFact>();
        var lines = new List<string>();
        var more = 0;
        var first = notification.Items[0];

        if (notification.IsGrouped)
        {
            facts.Add(new("Site", notification.SiteId));
            facts.Add(new("Count", $"{notification.Items.Count} {SubjectNoun(first.SubjectKind, notification.Items.Count)}"));
            facts.Add(new(ThresholdLabel(notification), FormatValue(notification, notification.Kind == AlertEventKind.Resolved
                ? notification.ClearThreshold
                : notification.Threshold)));
            lines.AddRange(notification.Items.Take(MaxListedSubjects).Select(i => DescribeItem(notification, i)));
            more = Math.Max(0, notification.Items.Count - MaxListedSubjects);
        }
        else
        {
            facts.Add(new(SubjectLabel(first.SubjectKind), DescribeSubject(first)));
            if (first.SubjectKind != AlertSubjectKind.Site)
            {
                facts.Add(new("Site", notification.SiteId));
            }

            facts.Add(new("Value", $"{FormatValue(notification, first.Value)} ({ThresholdLabel(notification).ToLowerInvariant()} " +
                                   $"{FormatValue(notification, notification.Kind == AlertEventKind.Resolved ? notification.ClearThreshold : notification.Threshold)})"));
            if (first.Since is { } since)
            {
                facts.Add(new(notification.Kind == AlertEventKind.Resolved ? "Lasted" : "Since", DescribeSince(notification, since)));
            }

            if (!string.IsNullOrWhiteSpace(first.Detail))
            {
                facts.Add(new("Detail", first.Detail));
            }
        }

        if (notification.AffectedMiners.Count > 0)
        {
            facts.Add(new("Miners not reported", notification.AffectedMiners.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            lines.AddRange(notification.AffectedMiners.Take(MaxListedSubjects));
            more = Math.Max(0, notification.AffectedMiners.Count - MaxListedSubjects);
        }

        return new NotificationText
        {
            Headline = BuildHeadline(notification),
            Facts = facts,
            Lines = lines,
            MoreCount = more,
            Color = ColorOf(notification),
            DashboardUrl = dashboardUrl,
        };
    }

    /// <summary>The message as plain text lines: headline, facts, list, link.</summary>
    public string ToPlainText()
    {
        var builder = new System.Text.StringBuilder();
        builder.AppendLine(Headline);
        foreach (var fact in Facts)
        {
            builder.Append(fact.Label).Append(": ").AppendLine(fact.Value);
        }

        foreach (var line in Lines)
        {
            builder.Append("• ").AppendLine(line);
        }

        if (MoreCount > 0)
        {
            builder.Append("… and ").Append(MoreCount).AppendLine(" more");
        }

        if (DashboardUrl is not null)
        {
            builder.AppendLine(DashboardUrl.ToString());
        }

        return builder.ToString().TrimEnd();
    }

    private static string BuildHeadline(AlertNotification n)
    {
        var (icon, word) = n.Kind switch
        {
            AlertEventKind.Resolved => ("✅", "RESOLVED"),
            AlertEventKind.Repeated => (SeverityIcon(n.Severity), "STILL FIRING"),
            AlertEventKind.FlappingStarted => ("🔁", "FLAPPING"),
            AlertEventKind.FlappingEnded => (n.Active ? SeverityIcon(n.Severity) : "✅", n.Active ? "STABLE, FIRING" : "STABLE, OK"),
            _ => (SeverityIcon(n.Severity), n.Severity == AlertSeverity.Critical ? "CRITICAL" : "FIRING"),
        };

        var first = n.Items[0];
        var where = n.IsGrouped
            ? $"{n.Items.Count} {SubjectNoun(first.SubjectKind, n.Items.Count)} at {n.SiteId}"
            : first.SubjectKind == AlertSubjectKind.Site ? n.SiteId : $"{first.SubjectId} at {n.SiteId}";
        return $"{icon} {word} · {n.Title} · {where}";
    }

    private static string DescribeItem(AlertNotification n, AlertNotificationItem item)
    {
        var text = $"{DescribeSubject(item)}: {FormatValue(n, item.Value)}";
        if (item.Since is { } since)
        {
            text += $", since {since.ToUniversalTime():HH:mm} UTC";
        }

        return string.IsNullOrWhiteSpace(item.Detail) ? text : $"{text} ({item.Detail})";
    }

    private static string DescribeSubject(AlertNotificationItem item) =>
        item.Host is { } host && !string.Equals(host, item.SubjectId, StringComparison.OrdinalIgnoreCase)
            ? $"{item.SubjectId} ({host})"
            : item.SubjectId;

    private static string DescribeSince(AlertNotification n, DateTimeOffset since) =>
        $"{AlertValueFormatter.FormatTime(since)} ({AlertValueFormatter.FormatDuration(n.OccurredAt - since)})";

    private static string FormatValue(AlertNotification n, double? value) =>
        AlertValueFormatter.Format(value, n.Unit, n.Algorithm, n.Currency);

    private static string ThresholdLabel(AlertNotification n) => n.Kind == AlertEventKind.Resolved ? "Clears at" : "Threshold";

    private static string SubjectLabel(AlertSubjectKind kind) => kind switch
    {
        AlertSubjectKind.Relay => "Relay",
        AlertSubjectKind.Site => "Site",
        _ => "Miner",
    };

    private static string SubjectNoun(AlertSubjectKind kind, int count) => (kind, count) switch
    {
        (AlertSubjectKind.Relay, 1) => "relay",
        (AlertSubjectKind.Relay, _) => "relays",
        (AlertSubjectKind.Site, 1) => "site",
        (AlertSubjectKind.Site, _) => "sites",
        (_, 1) => "miner",
        _ => "miners",
    };

    private static string SeverityIcon(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "🔴",
        AlertSeverity.Warning => "🟠",
        _ => "🔵",
    };

    private static string ColorOf(AlertNotification n)
    {
        if (n.Kind == AlertEventKind.Resolved || (n.Kind == AlertEventKind.FlappingEnded && !n.Active))
        {
            return "#2EB67D";
        }

        return n.Severity switch
        {
            AlertSeverity.Critical => "#E01E5A",
            AlertSeverity.Warning => "#ECB22E",
            _ => "#36C5F0",
        };
    }
}
