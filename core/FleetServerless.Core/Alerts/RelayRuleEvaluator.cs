namespace FleetServerless.Core.Alerts;

/// <summary>Reads relay presence against the relay rules. Pure.</summary>
public static class RelayRuleEvaluator
{
    /// <summary>Returns how long the relay has been silent at <paramref name="at"/> against the relay-silent thresholds.</summary>
    public static RuleObservation EvaluateSilence(RuleThresholds thresholds, RelayAlertPresence relay, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(relay);
        if (relay.LastBatchReceivedAt is not { } last)
        {
            return RuleObservation.Unknown;
        }

        var silentSeconds = Math.Max(0, (at - last).TotalSeconds);
        var level = thresholds.Classify(silentSeconds, ThresholdDirection.Above);
        return new RuleObservation(level, silentSeconds, last);
    }

    /// <summary>
    /// Returns the batches missing before a batch with <paramref name="sequence"/>, or unknown when the batch is
    /// the first of the relay or not newer than the last one seen (a replay or a relay whose counter restarted).
    /// </summary>
    public static RuleObservation EvaluateSequence(RuleThresholds thresholds, long? lastSequence, long sequence)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (lastSequence is not { } last || sequence <= last)
        {
            return RuleObservation.Unknown;
        }

        var missing = sequence - last - 1;
        var detail = missing > 0 ? $"batches {last + 1} to {sequence - 1} never arrived" : null;
        return new RuleObservation(thresholds.Classify(missing, ThresholdDirection.Above), missing, null, detail);
    }
}
