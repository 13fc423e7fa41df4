namespace FleetServerless.Core.Alerts;

/// <summary>Which side of a threshold is bad.</summary>
public enum ThresholdDirection
{
    /// <summary>The condition holds at or above the threshold and clears at or below the clear threshold.</summary>
    Above = 0,

    /// <summary>The condition holds strictly below the threshold and clears at or above the clear threshold.</summary>
    Below = 1,
}
