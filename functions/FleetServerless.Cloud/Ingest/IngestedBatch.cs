using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Ingest;

/// <summary>A batch that is stored: its samples, latest state and relay state are written.</summary>
/// <param name="Batch">The batch as the relay sent it, validated.</param>
/// <param name="Source">The path it arrived by.</param>
/// <param name="UpdatedLatestMinerIds">Miners whose latest-state row this ingest replaced or created; empty for a duplicate or an old replay.</param>
public sealed record IngestedBatch(TelemetryBatch Batch, IngestSource Source, IReadOnlySet<string> UpdatedLatestMinerIds);
