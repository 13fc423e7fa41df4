namespace FleetServerless.Core.Alerts;

/// <summary>What happened to an alert in one evaluation.</summary>
public enum AlertEventKind
{
    Fired = 0,

    /// <summary>Still firing after the repeat interval since the last message.</summary>
    Repeated = 1,

    Resolved = 2,

    /// <summary>Fired and resolved too often in the flapping window: messages are held until it is stable.</summary>
    FlappingStarted = 3,

    /// <summary>Stable again for a whole flapping window; the event carries the status it settled in.</summary>
    FlappingEnded = 4,
}
