namespace FleetServerless.Core.Alerts;

/// <summary>
/// The stored state of one rule for one subject. An alert with no stored state is <see cref="AlertStatus.Ok"/>.
/// </summary>
public sealed record AlertState
{
    public static AlertState Initial { get; } = new();

    public AlertStatus Status { get; init; }

    /// <summary>When the condition began: the start of <see cref="AlertStatus.Pending"/>, kept while firing.</summary>
    public DateTimeOffset? ConditionSince { get; init; }

    /// <summary>When the alert last fired.</summary>
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>When the clear condition began while <see cref="AlertStatus.Clearing"/>.</summary>
    public DateTimeOffset? ClearingSince { get; init; }

    /// <summary>When the last message about this alert was delivered (not suppressed).</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>
    /// Whether the fired message of the current firing was delivered. False while the fired event was muted
    /// or inhibited, so the message goes out once the suppression ends and the alert still fires.
    /// </summary>
    public bool FiredNotified { get; init; }

    /// <summary>The time of the newest observation applied; older or equal ones are ignored (idempotency).</summary>
    public DateTimeOffset? LastObservedAt { get; init; }

    /// <summary>The value of the newest observation applied.</summary>
    public double? LastValue { get; init; }

    /// <summary>The detail text of the newest observation applied.</summary>
    public string? LastDetail { get; init; }

    /// <summary>Whether the alert is held as flapping.</summary>
    public bool Flapping { get; init; }

    /// <summary>Times of recent fires and resolves, oldest first, trimmed to the flapping window.</summary>
    public IReadOnlyList<DateTimeOffset> Transitions { get; init; } = [];

    /// <summary>Whether the alert is active (firing or clearing).</summary>
    public bool IsActive => Status is AlertStatus.Firing or AlertStatus.Clearing;

    /// <summary>Whether the state carries nothing worth storing: OK, not flapping, no recent transitions.</summary>
    public bool IsQuiet => Status == AlertStatus.Ok && !Flapping && Transitions.Count == 0;
}
