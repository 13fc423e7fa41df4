namespace FleetServerless.Core.Alerts;

/// <summary>One rule's reading of one subject at one time.</summary>
/// <param name="Level">Where the value falls against the thresholds.</param>
/// <param name="Value">The value in the rule's unit, null when the rule is not numeric or unknown.</param>
/// <param name="Since">When the condition began according to the data (the last answered sample of a miner
/// that stopped answering), if the data shows it; else the state machine counts from the observation.</param>
/// <param name="Detail">Text for the message: a failure description, the failed boards, the pool URL.</param>
public sealed record RuleObservation(
    ObservationLevel Level,
    double? Value = null,
    DateTimeOffset? Since = null,
    string? Detail = null)
{
    public static RuleObservation Unknown { get; } = new(ObservationLevel.Unknown);
}
