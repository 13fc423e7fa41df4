namespace FleetServerless.Core.Alerts;

/// <summary>Everything evaluation needs besides the data: thresholds per site and the grouping and flapping settings.</summary>
public sealed class AlertPolicy
{
    private readonly Func<string, AlertRuleDefinition, RuleThresholds> _thresholds;

    /// <param name="thresholds">Returns the thresholds of a rule at a site; null uses the catalog defaults.</param>
    public AlertPolicy(Func<string, AlertRuleDefinition, RuleThresholds>? thresholds = null)
    {
        _thresholds = thresholds ?? ((_, rule) => rule.Defaults);
    }

    public static AlertPolicy Default { get; } = new();

    public FlappingPolicy Flapping { get; init; } = FlappingPolicy.Default;

    /// <summary>Subjects of one site raising the same rule in one evaluation from which one grouped message is sent. Default 5.</summary>
    public int StormMinSubjects { get; init; } = 5;

    /// <summary>
    /// Samples older than this when they arrive (a relay replaying its outbox) update the baselines but raise
    /// no alert: the operator needs the present, not the past. Default 10 minutes.
    /// </summary>
    public TimeSpan MaxSampleAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a miner may be missing from its relay's batches before the watchdog judges its absence.
    /// Default 2 minutes, four poll intervals of 30 s.
    /// </summary>
    public TimeSpan AbsenceGrace { get; init; } = TimeSpan.FromMinutes(2);

    public RuleThresholds ThresholdsFor(string siteId, AlertRuleDefinition rule) => _thresholds(siteId, rule);
}
