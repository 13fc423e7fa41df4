namespace FleetServerless.Relay.Publishing;

/// <summary>The outcome of one <see cref="OutboxForwarder.ForwardAsync"/> call.</summary>
/// <param name="Published">Batches confirmed and deleted.</param>
/// <param name="Rejected">Batches the cloud side rejected, moved aside.</param>
/// <param name="RemainingDepth">Batches still waiting afterwards.</param>
/// <param name="Failure">The error that stopped sending, or null.</param>
/// <param name="FailedSequence">The sequence of the batch that could not be sent, or null.</param>
public sealed record ForwardResult(int Published, int Rejected, long RemainingDepth, Exception? Failure, long? FailedSequence)
{
    public bool Succeeded => Failure is null;
}
