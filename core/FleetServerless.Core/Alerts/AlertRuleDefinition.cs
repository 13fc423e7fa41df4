namespace FleetServerless.Core.Alerts;

/// <summary>A rule of the catalog: what it watches, its severity, unit and default thresholds.</summary>
public sealed record AlertRuleDefinition
{
    /// <summary>The stable id used in configuration, storage, mutes and the API (<c>chip-temp-high</c>).</summary>
    public required string Id { get; init; }

    /// <summary>A short title for messages: "Chip temperature high".</summary>
    public required string Title { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertSubjectKind SubjectKind { get; init; }

    public required ThresholdDirection Direction { get; init; }

    public required AlertValueUnit Unit { get; init; }

    public required RuleThresholds Defaults { get; init; }

    /// <summary>Rules of the same subject whose firing holds this rule's messages back.</summary>
    public IReadOnlyList<string> InhibitedBy { get; init; } = [];
}
