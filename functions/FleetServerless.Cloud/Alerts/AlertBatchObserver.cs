using FleetServerless.Cloud.Ingest;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Evaluates alerts after ingest stored a batch. A replayed or duplicated batch raises nothing twice, because
/// evaluation skips samples not newer than the ones it has applied.
/// </summary>
public sealed class AlertBatchObserver(AlertEvaluationService evaluation) : IIngestedBatchObserver
{
    public async Task OnBatchIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await evaluation.EvaluateBatchAsync(batch.Batch, cancellationToken);
    }
}
