using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>An alert that is firing now, as <c>GET /api/alerts</c> lists it.</summary>
public sealed record ActiveAlert
{
    public required string SiteId { get; init; }

    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertSubjectKind SubjectKind { get; init; }

    public required string SubjectId { get; init; }

    public string? Host { get; init; }

    /// <summary><c>firing</c>, or <c>clearing</c> while the clear condition holds but not yet for its sustain time.</summary>
    public required AlertStatus Status { get; init; }

    /// <summary>When the condition began.</summary>
    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? FiredAt { get; init; }

    public DateTimeOffset? LastObservedAt { get; init; }

    public double? Value { get; init; }

    public required double Threshold { get; init; }

    public required double ClearThreshold { get; init; }

    public required AlertValueUnit Unit { get; init; }

    public string? Detail { get; init; }

    public bool Flapping { get; init; }

    /// <summary>Whether a maintenance mute covers the alert now.</summary>
    public bool Muted { get; init; }
}
