namespace FleetServerless.Core.Alerts;

/// <summary>When an alert counts as flapping and when it counts as stable again.</summary>
/// <param name="Window">The span over which fires and resolves are counted, and the time an alert must stay
/// without a transition before it is stable again. Default 1 hour.</param>
/// <param name="MaxTransitions">Fires plus resolves within the window at which the alert is held as flapping.
/// Default 4: two full fire-and-resolve cycles in an hour send their messages, the third fire is held.</param>
public sealed record FlappingPolicy(TimeSpan Window, int MaxTransitions)
{
    public static FlappingPolicy Default { get; } = new(TimeSpan.FromHours(1), 4);
}
