using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>Resolves a rule's thresholds at a site from the built-in defaults and the configured overrides.</summary>
public static class AlertRuleSettings
{
    /// <summary>Returns the catalog rule a configuration key names, with or without dashes; null when none.</summary>
    public static AlertRuleDefinition? FindRule(string key)
    {
        var normalized = Normalize(key);
        return AlertRuleCatalog.All.FirstOrDefault(r => Normalize(r.Id) == normalized);
    }

    /// <summary>The thresholds of a rule at a site: default, then <c>Alerts:Rules</c>, then <c>Alerts:Sites:&lt;site&gt;:Rules</c>.</summary>
    public static RuleThresholds Resolve(AlertOptions options, string siteId, AlertRuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rule);
        var thresholds = Apply(rule.Defaults, Find(options.Rules, rule));
        if (options.Sites.TryGetValue(siteId, out var site))
        {
            thresholds = Apply(thresholds, Find(site.Rules, rule));
        }

        return thresholds;
    }

    /// <summary>Builds the evaluation policy the core uses from the options.</summary>
    public static AlertPolicy CreatePolicy(AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AlertPolicy((site, rule) => Resolve(options, site, rule))
        {
            Flapping = new FlappingPolicy(options.FlappingWindow, options.FlappingMaxTransitions),
            StormMinSubjects = options.StormMinSubjects,
            MaxSampleAge = options.MaxSampleAge,
            AbsenceGrace = options.AbsenceGrace,
        };
    }

    private static RuleOverrideOptions? Find(Dictionary<string, RuleOverrideOptions> overrides, AlertRuleDefinition rule) =>
        overrides.FirstOrDefault(o => Normalize(o.Key) == Normalize(rule.Id)).Value;

    private static RuleThresholds Apply(RuleThresholds thresholds, RuleOverrideOptions? o) =>
        o is null
            ? thresholds
            : new RuleThresholds(
                o.Enabled ?? thresholds.Enabled,
                o.Threshold ?? thresholds.Threshold,
                o.ClearThreshold ?? thresholds.ClearThreshold,
                o.Sustain ?? thresholds.Sustain,
                o.ClearSustain ?? thresholds.ClearSustain,
                o.RepeatInterval ?? thresholds.RepeatInterval);

    private static string Normalize(string key) =>
        new(key.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
