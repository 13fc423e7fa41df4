using Azure;
using FleetServerless.Cloud.Ingest;
using FleetServerless.Core.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Evaluates alerts after ingest stored a batch. A replayed or duplicated batch raises nothing twice, because
/// evaluation skips samples not newer than the ones it has applied.
/// </summary>
/// <remarks>
/// A storage failure propagates, so ingest fails and the batch comes again. Any other failure is logged and
/// swallowed: a fault in alerting must not stop the fleet's data from being stored. A batch too old to matter
/// for any alert or baseline (an outbox replay after an outage) only records the relay's progress.
/// </remarks>
public sealed partial class AlertBatchObserver(
    AlertEvaluationService evaluation,
    AlertStateStore states,
    IOptionsMonitor<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertBatchObserver> logger) : IIngestedBatchObserver
{
    public async Task OnBatchIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var telemetry = batch.Batch;
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            var now = time.GetUtcNow();
            var newest = telemetry.Samples.Count > 0 ? telemetry.Samples.Max(s => s.CollectedAt) : telemetry.CreatedAt;
            if (now - newest > settings.MaxSampleAge + MinerAlertWindow.BaselineSpan)
            {
                await states.RecordRelayBatchAsync(telemetry.SiteId, telemetry.RelayId, telemetry.Sequence, now, cancellationToken);
                return;
            }

            await evaluation.EvaluateBatchAsync(telemetry, cancellationToken);
        }
        catch (Exception ex) when (ex is not (RequestFailedException or OperationCanceledException or AlertStateConflictException))
        {
            LogEvaluationFailed(ex, telemetry.BatchId, telemetry.RelayId, telemetry.SiteId);
        }
    }

    [LoggerMessage(EventId = 7020, Level = LogLevel.Error,
        Message = "Alert evaluation failed on batch {BatchId} of relay {RelayId}, site {SiteId}; the batch is stored, its alerts are skipped")]
    private partial void LogEvaluationFailed(Exception exception, string batchId, string relayId, string siteId);
}
