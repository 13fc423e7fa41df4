using FleetServerless.Core.Alerts;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Rejects alert settings at start, naming the setting: an unknown rule id, a threshold on the wrong side of its
/// clear threshold (after the levels are merged), a negative duration.
/// </summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        RequirePositive(options.FlappingWindow, "FlappingWindow", failures);
        RequirePositive(options.MaxSampleAge, "MaxSampleAge", failures);
        RequirePositive(options.AbsenceGrace, "AbsenceGrace", failures);

        CheckRules(options, options.Rules, $"{AlertOptions.SectionName}:Rules", siteId: null, failures);
        foreach (var (siteId, site) in options.Sites)
        {
            CheckRules(options, site.Rules, $"{AlertOptions.SectionName}:Sites:{siteId}:Rules", siteId, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRules(
        AlertOptions options, Dictionary<string, RuleOverrideOptions> rules, string path, string? siteId, List<string> failures)
    {
        foreach (var key in rules.Keys)
        {
            var rule = AlertRuleSettings.FindRule(key);
            if (rule is null)
            {
                failures.Add($"{path}:{key} names no alert rule. Known rules: {string.Join(", ", AlertRuleCatalog.All.Select(r => r.Id))}.");
                continue;
            }

            // Check the merged thresholds: an override of Threshold alone can fall below the default ClearThreshold.
            var thresholds = AlertRuleSettings.Resolve(options, siteId ?? "", rule);
            if (thresholds.FindProblem(rule.Direction) is { } problem)
            {
                failures.Add($"{path}:{key}:Threshold/ClearThreshold is invalid for rule {rule.Id}: {problem}");
            }
        }
    }

    private static void RequirePositive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{AlertOptions.SectionName}:{setting} is {value}; set a positive duration such as 00:10:00.");
        }
    }
}
