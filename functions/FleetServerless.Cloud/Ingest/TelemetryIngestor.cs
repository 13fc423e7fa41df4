using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// Stores batches from either ingest path: raw samples, then latest state, then relay state, then observers.
/// </summary>
/// <remarks>
/// Every step is safe to repeat, so a failure part-way leaves rows that the retry of the same batch writes again
/// with the same content. Safe to call concurrently; latest and relay rows are guarded by ETags.
/// </remarks>
internal sealed partial class TelemetryIngestor(
    SampleWriter samples,
    LatestStateWriter latest,
    RelayStateWriter relays,
    IEnumerable<IIngestedBatchObserver> observers,
    TimeProvider timeProvider,
    ILogger<TelemetryIngestor> logger) : ITelemetryIngestor
{
    private readonly IReadOnlyList<IIngestedBatchObserver> _observers = observers.ToList();

    public IReadOnlyList<ValidationProblem> Validate(TelemetryBatch batch) =>
        BatchValidator.Validate(batch, timeProvider.GetUtcNow());

    public async Task<IngestResult> IngestAsync(
        IReadOnlyList<TelemetryBatch> batches, IngestSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        foreach (var batch in batches)
        {
            var problems = Validate(batch);
            if (problems.Count > 0)
            {
                throw new ArgumentException(
                    $"Batch {batch.BatchId} is invalid: {problems[0].Field} {problems[0].Message}", nameof(batches));
            }
        }

        if (batches.Count == 0)
        {
            return new IngestResult(0, 0, 0);
        }

        var sampleRows = await samples.WriteAsync(batches, cancellationToken);
        var updated = await latest.WriteAsync(batches, cancellationToken);
        await relays.WriteAsync(batches, cancellationToken);

        foreach (var batch in batches.OrderBy(b => b.SiteId, StringComparer.Ordinal).ThenBy(b => b.RelayId, StringComparer.Ordinal).ThenBy(b => b.Sequence))
        {
            LogBatchStored(batch.SiteId, batch.RelayId, batch.BatchId, batch.Sequence, batch.Samples.Count, source);
            if (_observers.Count == 0)
            {
                continue;
            }

            var minerIds = batch.Samples.Select(s => s.MinerId).Where(updated.Contains).ToHashSet(StringComparer.Ordinal);
            var ingested = new IngestedBatch(batch, source, minerIds);
            foreach (var observer in _observers)
            {
                await observer.OnBatchIngestedAsync(ingested, cancellationToken);
            }
        }

        return new IngestResult(batches.Count, sampleRows, updated.Count);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Stored batch {BatchId} (sequence {Sequence}) of relay {RelayId} at site {SiteId}: {SampleCount} samples via {Source}")]
    private partial void LogBatchStored(string siteId, string relayId, string batchId, long sequence, int sampleCount, IngestSource source);
}
