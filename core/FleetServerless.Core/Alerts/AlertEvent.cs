namespace FleetServerless.Core.Alerts;

/// <summary>
/// One recorded happening of an alert: fired, repeated, resolved, or flapping started or ended. Every event is
/// stored in the alert log; <see cref="Notify"/> is true when it is also delivered.
/// </summary>
public sealed record AlertEvent
{
    /// <summary>Deterministic: the same evaluation produces the same id, so a rewritten log row changes nothing.</summary>
    public string Id => $"{RuleId}|{SubjectId}|{Kind}|{OccurredAt.UtcTicks}";

    public required string SiteId { get; init; }

    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertSubjectKind SubjectKind { get; init; }

    /// <summary>The miner id, relay id, or site id the alert is about.</summary>
    public required string SubjectId { get; init; }

    /// <summary>The miner's address as the relay polls it, for miner alerts.</summary>
    public string? Host { get; init; }

    public string? RelayId { get; init; }

    public required AlertEventKind Kind { get; init; }

    /// <summary>The time of the observation that raised the event, UTC.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>When the condition began (for a resolution: when the alert had begun).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The value at the time of the event, in <see cref="Unit"/>.</summary>
    public double? Value { get; init; }

    public required double Threshold { get; init; }

    public required double ClearThreshold { get; init; }

    public required AlertValueUnit Unit { get; init; }

    /// <summary>The miner's algorithm, to show hashrates in the unit owners read.</summary>
    public string? Algorithm { get; init; }

    public string? Currency { get; init; }

    public string? Detail { get; init; }

    /// <summary>Whether the alert is still active after the event (a flapping-ended event can settle either way).</summary>
    public required bool Active { get; init; }

    public required AlertSuppression Suppression { get; init; }

    /// <summary>Whether the event is delivered; false when suppressed or held while flapping.</summary>
    public required bool Notify { get; init; }

    /// <summary>The miners behind a relay-silent event, which are not reported one by one.</summary>
    public IReadOnlyList<string> AffectedMiners { get; init; } = [];
}
