namespace FleetServerless.Core.Alerts;

/// <summary>The result of applying one observation: the new state, and the event it raised if any.</summary>
/// <param name="State">The state to store.</param>
/// <param name="Event">What happened, or null when nothing worth recording did.</param>
/// <param name="Notify">Whether the event should be delivered; false when it is suppressed or held as flapping.</param>
/// <param name="Applied">False when the observation was not newer than the last one applied, so nothing changed.</param>
public sealed record AlertStep(AlertState State, AlertEventKind? Event, bool Notify, bool Applied);
