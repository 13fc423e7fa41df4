namespace FleetServerless.Core.Alerts;

/// <summary>
/// The outcome of one evaluation of a site: what to store, what to log and what to deliver, in that order.
/// </summary>
public sealed record SiteEvaluation
{
    /// <summary>States to write: new or changed in something that matters (status, times, flapping, notified).</summary>
    public required IReadOnlyDictionary<AlertKey, AlertState> StatesToWrite { get; init; }

    /// <summary>States that became quiet and can be deleted (a missing state reads as OK).</summary>
    public required IReadOnlyList<AlertKey> StatesToDelete { get; init; }

    public required IReadOnlyList<MinerAlertWindow> MinersToWrite { get; init; }

    public required IReadOnlyList<RelayAlertPresence> RelaysToWrite { get; init; }

    /// <summary>Every event of the evaluation, delivered or not, for the alert log.</summary>
    public required IReadOnlyList<AlertEvent> Events { get; init; }

    /// <summary>The messages to deliver, storms already grouped.</summary>
    public required IReadOnlyList<AlertNotification> Notifications { get; init; }

    public bool IsEmpty => StatesToWrite.Count == 0 && StatesToDelete.Count == 0 && MinersToWrite.Count == 0
                           && RelaysToWrite.Count == 0 && Events.Count == 0;
}
