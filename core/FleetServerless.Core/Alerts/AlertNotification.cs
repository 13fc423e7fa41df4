namespace FleetServerless.Core.Alerts;

/// <summary>
/// One message to deliver: a single alert event, or a group of the same rule and kind at one site (a storm).
/// This is the body of the delivery queue message.
/// </summary>
public sealed record AlertNotification
{
    /// <summary>Deterministic from the events it carries.</summary>
    public required string Id { get; init; }

    public required AlertEventKind Kind { get; init; }

    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required string SiteId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required AlertValueUnit Unit { get; init; }

    public required double Threshold { get; init; }

    public required double ClearThreshold { get; init; }

    public string? Algorithm { get; init; }

    public string? Currency { get; init; }

    /// <summary>Whether the alert is still active after this event.</summary>
    public bool Active { get; init; }

    /// <summary>The subjects: one for a single alert, several for a grouped one.</summary>
    public required IReadOnlyList<AlertNotificationItem> Items { get; init; }

    /// <summary>Miners behind a silent relay, named in the message instead of one message each.</summary>
    public IReadOnlyList<string> AffectedMiners { get; init; } = [];

    public bool IsGrouped => Items.Count > 1;
}
