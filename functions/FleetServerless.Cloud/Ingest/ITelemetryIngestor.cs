using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Ingest;

/// <summary>The one processing path of both ingest functions.</summary>
public interface ITelemetryIngestor
{
    /// <summary>Returns every problem of the batch; an empty list means it can be stored.</summary>
    IReadOnlyList<ValidationProblem> Validate(TelemetryBatch batch);

    /// <summary>
    /// Stores valid batches with deterministic keys, then calls the observers for each. Storing the same batches
    /// again, in any order, leaves the tables as they were. Throws <see cref="ArgumentException"/> when a batch
    /// is invalid, before anything is written.
    /// </summary>
    Task<IngestResult> IngestAsync(IReadOnlyList<TelemetryBatch> batches, IngestSource source, CancellationToken cancellationToken);
}
