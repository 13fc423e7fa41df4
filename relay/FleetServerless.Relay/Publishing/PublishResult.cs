namespace FleetServerless.Relay.Publishing;

/// <summary>The outcome of one <see cref="IBatchPublisher.PublishAsync"/> call.</summary>
/// <param name="Confirmed">Sequences the cloud side accepted; the outbox deletes them.</param>
/// <param name="Rejected">Batches the cloud side refused as invalid; the outbox moves them aside.</param>
/// <param name="Failure">The transient error that stopped sending, or null when every entry was handled.</param>
public sealed record PublishResult(
    IReadOnlyList<long> Confirmed, IReadOnlyList<PublishRejection> Rejected, Exception? Failure)
{
    public static PublishResult Failed(IReadOnlyList<long> confirmed, IReadOnlyList<PublishRejection> rejected, Exception failure) =>
        new(confirmed, rejected, failure);
}
