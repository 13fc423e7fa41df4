namespace FleetServerless.Core.Alerts;

/// <summary>
/// The numbers of one rule at one site: the threshold at which the condition holds, the clear threshold past
/// which it clears (hysteresis), and how long each must hold before the alert fires or resolves.
/// </summary>
/// <param name="Enabled">Whether the rule is evaluated at all.</param>
/// <param name="Threshold">The value at which the condition holds, in the rule's unit.</param>
/// <param name="ClearThreshold">The value past which the condition clears, on the good side of the threshold.</param>
/// <param name="Sustain">How long the condition must hold before the alert fires; zero fires at once.</param>
/// <param name="ClearSustain">How long the clear condition must hold before the alert resolves.</param>
/// <param name="RepeatInterval">The minimum time between two messages about the same firing alert.</param>
public sealed record RuleThresholds(
    bool Enabled,
    double Threshold,
    double ClearThreshold,
    TimeSpan Sustain,
    TimeSpan ClearSustain,
    TimeSpan RepeatInterval)
{
    /// <summary>Where a value falls against these thresholds for a rule of the given direction.</summary>
    public ObservationLevel Classify(double? value, ThresholdDirection direction)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return ObservationLevel.Unknown;
        }

        return direction switch
        {
            ThresholdDirection.Above when v >= Threshold => ObservationLevel.Breach,
            ThresholdDirection.Above when v <= ClearThreshold => ObservationLevel.Clear,
            ThresholdDirection.Below when v < Threshold => ObservationLevel.Breach,
            ThresholdDirection.Below when v >= ClearThreshold => ObservationLevel.Clear,
            _ => ObservationLevel.Between,
        };
    }

    /// <summary>
    /// Returns a problem when the clear threshold is on the wrong side of the threshold, else null.
    /// </summary>
    public string? FindProblem(ThresholdDirection direction)
    {
        if (double.IsNaN(Threshold) || double.IsNaN(ClearThreshold))
        {
            return "Threshold and ClearThreshold must be numbers.";
        }

        if (direction == ThresholdDirection.Above && Threshold < ClearThreshold)
        {
            return $"Threshold {Threshold} is below ClearThreshold {ClearThreshold}; the alert could never clear. " +
                   "Set ClearThreshold at or below Threshold.";
        }

        if (direction == ThresholdDirection.Below && Threshold > ClearThreshold)
        {
            return $"Threshold {Threshold} is above ClearThreshold {ClearThreshold} on a rule that fires below its " +
                   "threshold; set ClearThreshold at or above Threshold.";
        }

        if (Sustain < TimeSpan.Zero || ClearSustain < TimeSpan.Zero)
        {
            return "Sustain and ClearSustain cannot be negative.";
        }

        if (RepeatInterval <= TimeSpan.Zero)
        {
            return $"RepeatInterval {RepeatInterval} must be positive.";
        }

        return null;
    }
}
