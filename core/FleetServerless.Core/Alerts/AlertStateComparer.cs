namespace FleetServerless.Core.Alerts;

/// <summary>Compares alert states on what must be stored, ignoring the last value and observation time.</summary>
public static class AlertStateComparer
{
    /// <summary>Whether two states differ only in their last observation (time, value, detail).</summary>
    public static bool SameMaterial(AlertState a, AlertState b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var strippedA = a with { LastObservedAt = null, LastValue = null, LastDetail = null, Transitions = [] };
        var strippedB = b with { LastObservedAt = null, LastValue = null, LastDetail = null, Transitions = [] };
        return strippedA == strippedB && a.Transitions.SequenceEqual(b.Transitions);
    }
}
