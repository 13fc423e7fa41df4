namespace FleetServerless.Cloud.Ingest;

/// <summary>What one drain run did in one partition.</summary>
/// <param name="PartitionId">The Event Hubs partition.</param>
/// <param name="EventsRead">Events received, poison ones included.</param>
/// <param name="BatchesStored">Telemetry batches written.</param>
/// <param name="PoisonEvents">Events put aside in the poison table.</param>
/// <param name="CheckpointSequenceNumber">The checkpoint after the run; null when the partition has none yet.</param>
/// <param name="StoppedAtTimeBudget">True when the run stopped because its time budget ran out, not because the partition was empty.</param>
/// <param name="Failed">True when writing a chunk failed; the checkpoint stays before that chunk.</param>
public sealed record PartitionDrainResult(
    string PartitionId,
    int EventsRead,
    int BatchesStored,
    int PoisonEvents,
    long? CheckpointSequenceNumber,
    bool StoppedAtTimeBudget,
    bool Failed);
