using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Ingest;

/// <summary>An event read from a partition: its batch when it could be read, else why not.</summary>
internal sealed record DrainedEvent(long SequenceNumber, DateTimeOffset EnqueuedTime, byte[] Body, TelemetryBatch? Batch, string? PoisonReason);
