namespace FleetServerless.Core.Alerts;

/// <summary>Where one reading falls against a rule's two thresholds.</summary>
public enum ObservationLevel
{
    /// <summary>No reading: the state machine leaves the alert as it is.</summary>
    Unknown = 0,

    /// <summary>Past the clear threshold, on the good side.</summary>
    Clear = 1,

    /// <summary>Between the clear threshold and the threshold (the hysteresis band): neither fires nor clears.</summary>
    Between = 2,

    /// <summary>At or past the threshold: the condition holds.</summary>
    Breach = 3,
}
