namespace FleetServerless.Relay.Outbox;

/// <summary>What the outbox supplies to the batch being appended, read in the same transaction as the insert.</summary>
/// <param name="Sequence">The new batch's sequence: one more than the last batch ever stored.</param>
/// <param name="OutboxDepth">Batches already waiting, the new one excluded.</param>
/// <param name="SamplesThinned">Samples dropped by the size bound since the previous batch was built.</param>
public sealed record OutboxAppendContext(long Sequence, int OutboxDepth, int SamplesThinned);
