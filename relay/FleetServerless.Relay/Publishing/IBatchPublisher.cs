using FleetServerless.Relay.Outbox;

namespace FleetServerless.Relay.Publishing;

/// <summary>Sends outbox batches to the cloud side.</summary>
public interface IBatchPublisher
{
    /// <summary>The configured kind, <c>https</c> or <c>eventhubs</c>, for logs.</summary>
    string Kind { get; }

    /// <summary>
    /// Sends <paramref name="entries"/> in order and reports which ones the cloud side confirmed or rejected.
    /// Sending stops at the first transient failure, which is returned rather than thrown, so every entry after
    /// it stays in the outbox for the next attempt.
    /// </summary>
    Task<PublishResult> PublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);
}
