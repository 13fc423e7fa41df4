namespace FleetServerless.Core.Alerts;

/// <summary>Reads a site's pool and profit figures against the site rules. Pure.</summary>
public static class SiteRuleEvaluator
{
    public static RuleObservation Evaluate(AlertRuleDefinition rule, RuleThresholds thresholds, SiteAlertInput input)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(input);

        return rule.Id switch
        {
            AlertRuleIds.PoolHashrateLow => EvaluatePoolHashrate(rule, thresholds, input),
            AlertRuleIds.PoolDataStale => input.PoolDataAge is { } age
                ? new RuleObservation(thresholds.Classify(age.TotalSeconds, rule.Direction), age.TotalSeconds, null, input.PoolName)
                : RuleObservation.Unknown,
            AlertRuleIds.ProfitNegative => input.NetProfitPerDay is { } profit
                ? new RuleObservation(thresholds.Classify(profit, rule.Direction), profit, null, input.PoolName)
                : RuleObservation.Unknown,
            _ => RuleObservation.Unknown,
        };
    }

    /// <summary>The pool-side deficit as a percentage of the miner-side hashrate.</summary>
    private static RuleObservation EvaluatePoolHashrate(AlertRuleDefinition rule, RuleThresholds thresholds, SiteAlertInput input)
    {
        if (input.PoolSideHashrateHps is not { } pool || input.MinerSideHashrateHps is not { } miners || miners <= 0)
        {
            return RuleObservation.Unknown;
        }

        var deficitPercent = (miners - pool) / miners * 100;
        var window = input.Window is { } w ? $" over {AlertValueFormatter.FormatDuration(w)}" : "";
        var detail = $"pool {AlertValueFormatter.Format(pool, AlertValueUnit.HashesPerSecond)}, miners " +
                     $"{AlertValueFormatter.Format(miners, AlertValueUnit.HashesPerSecond)}{window}";
        return new RuleObservation(thresholds.Classify(deficitPercent, rule.Direction), deficitPercent, null, detail);
    }
}
