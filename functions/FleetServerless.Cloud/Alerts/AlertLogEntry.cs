using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>One row of the alert log as the API returns it.</summary>
public sealed record AlertLogEntry
{
    public required string EventId { get; init; }

    public required string SiteId { get; init; }

    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertEventKind Kind { get; init; }

    public required AlertSubjectKind SubjectKind { get; init; }

    public required string SubjectId { get; init; }

    public string? Host { get; init; }

    public string? RelayId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset? Since { get; init; }

    public double? Value { get; init; }

    public double? Threshold { get; init; }

    public double? ClearThreshold { get; init; }

    public AlertValueUnit Unit { get; init; }

    public string? Detail { get; init; }

    /// <summary>Whether the alert was still active after the event.</summary>
    public bool Active { get; init; }

    /// <summary>Whether the event was queued for delivery.</summary>
    public bool Delivered { get; init; }

    /// <summary>Why it was not delivered: <c>muted</c>, <c>inhibited</c>, or <c>none</c> (held while flapping, or never notified).</summary>
    public AlertSuppression Suppression { get; init; }

    /// <summary>Whether a maintenance mute covered the event.</summary>
    public bool Muted => Suppression == AlertSuppression.Muted;

    /// <summary>Miners behind a relay-silent event.</summary>
    public IReadOnlyList<string> AffectedMiners { get; init; } = [];
}
