namespace FleetServerless.Core.Alerts;

/// <summary>The state of one rule for one subject.</summary>
public enum AlertStatus
{
    /// <summary>The condition does not hold (an alert with no stored state is in this status).</summary>
    Ok = 0,

    /// <summary>The condition holds but not yet for the rule's sustain time.</summary>
    Pending = 1,

    /// <summary>The condition held for its sustain time: the alert is active.</summary>
    Firing = 2,

    /// <summary>Active, with the clear condition holding but not yet for the clear sustain time.</summary>
    Clearing = 3,
}
