using FleetServerless.Core.Alerts;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Reads the alerts that are firing now, from the alert state of each site, with their thresholds and whether a
/// mute covers them. Used by <c>GET /api/alerts</c> and by the miner detail of the owner API.
/// </summary>
public sealed class ActiveAlertReader(AlertStateStore states, AlertMuteStore mutes, IOptionsMonitor<AlertOptions> options)
{
    /// <summary>Returns the active alerts, most severe first, optionally of one site, subject (miner) or rule.</summary>
    public async Task<IReadOnlyList<ActiveAlert>> ReadAsync(
        string? siteId, string? subjectId, string? ruleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sites = siteId is { } site ? [site] : await states.ListSitesAsync(cancellationToken);
        var activeMutes = await mutes.ListActiveAsync(now, cancellationToken);
        var settings = options.CurrentValue;
        var result = new List<ActiveAlert>();
        foreach (var currentSite in sites)
        {
            var stored = await states.LoadAsync(currentSite, cancellationToken);
            foreach (var (key, state) in stored.Snapshot.States)
            {
                if (!state.IsActive || AlertRuleCatalog.Find(key.RuleId) is not { } rule
                    || (subjectId is { } subject && !string.Equals(subject, key.SubjectId, StringComparison.OrdinalIgnoreCase))
                    || (ruleId is { } wantedRule && wantedRule != key.RuleId))
                {
                    continue;
                }

                var thresholds = AlertRuleSettings.Resolve(settings, currentSite, rule);
                result.Add(new ActiveAlert
                {
                    SiteId = currentSite,
                    RuleId = rule.Id,
                    Title = rule.Title,
                    Severity = rule.Severity,
                    SubjectKind = rule.SubjectKind,
                    SubjectId = key.SubjectId,
                    Host = stored.Snapshot.Miners.GetValueOrDefault(key.SubjectId)?.Host,
                    Status = state.Status,
                    Since = state.ConditionSince,
                    FiredAt = state.FiredAt,
                    LastObservedAt = state.LastObservedAt,
                    Value = state.LastValue,
                    Threshold = thresholds.Threshold,
                    ClearThreshold = thresholds.ClearThreshold,
                    Unit = rule.Unit,
                    Detail = state.LastDetail,
                    Flapping = state.Flapping,
                    Muted = activeMutes.Any(m => m.Covers(key, now)),
                });
            }
        }

        return result.OrderByDescending(a => a.Severity).ThenBy(a => a.Since).ToList();
    }
}
