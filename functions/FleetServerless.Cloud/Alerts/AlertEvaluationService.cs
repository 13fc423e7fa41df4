using FleetServerless.Cloud.Notifications;
using FleetServerless.Core.Alerts;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Runs the core's site evaluation against the alert tables: load the site, evaluate, save the state, write the
/// log, queue the notifications, in that order.
/// </summary>
/// <remarks>
/// State is saved before anything is queued, so a crash between the two loses those messages (they stay in
/// the log once it is written) rather than sending them twice. A concurrent change of the site's rows makes
/// the evaluation start again from a fresh load, up to <see cref="MaxAttempts"/> times.
/// </remarks>
public sealed partial class AlertEvaluationService(
    AlertStateStore states,
    AlertLogStore log,
    AlertMuteStore mutes,
    NotificationQueue queue,
    IOptionsMonitor<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluationService> logger)
{
    public const int MaxAttempts = 3;

    /// <summary>Evaluates a stored batch; returns the evaluation (empty when alerts are off).</summary>
    public Task<SiteEvaluation?> EvaluateBatchAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return RunAsync(batch.SiteId, (evaluator, snapshot, now, active) => evaluator.EvaluateBatch(snapshot, batch, now, active), cancellationToken);
    }

    /// <summary>Evaluates the absence of relays and miners of one site at the current time.</summary>
    public Task<SiteEvaluation?> EvaluateWatchdogAsync(string siteId, CancellationToken cancellationToken) =>
        RunAsync(siteId, (evaluator, snapshot, now, active) => evaluator.EvaluateWatchdog(snapshot, now, active), cancellationToken);

    /// <summary>Evaluates the pool and profit rules of one site.</summary>
    public Task<SiteEvaluation?> EvaluateSiteAsync(string siteId, SiteAlertInput input, CancellationToken cancellationToken) =>
        RunAsync(siteId, (evaluator, snapshot, now, active) => evaluator.EvaluateSite(snapshot, input, now, active), cancellationToken);

    private async Task<SiteEvaluation?> RunAsync(
        string siteId,
        Func<SiteAlertEvaluator, SiteAlertSnapshot, DateTimeOffset, IReadOnlyList<AlertMute>, SiteEvaluation> evaluate,
        CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return null;
        }

        var evaluator = new SiteAlertEvaluator(AlertRuleSettings.CreatePolicy(settings));
        var now = time.GetUtcNow();
        var activeMutes = await mutes.ListActiveAsync(now, cancellationToken);
        SiteEvaluation? evaluation = null;
        for (var attempt = 1; evaluation is null; attempt++)
        {
            var stored = await states.LoadAsync(siteId, cancellationToken);
            var candidate = evaluate(evaluator, stored.Snapshot, now, activeMutes);
            try
            {
                await states.SaveAsync(stored, candidate, cancellationToken);
                evaluation = candidate;
            }
            catch (AlertStateConflictException ex) when (attempt < MaxAttempts)
            {
                LogConflict(ex, siteId, attempt, MaxAttempts);
            }
        }

        await log.WriteAsync(siteId, evaluation.Events, cancellationToken);
        foreach (var alertEvent in evaluation.Events)
        {
            LogEvent(alertEvent.Kind, alertEvent.RuleId, alertEvent.SubjectId, alertEvent.Host, siteId, alertEvent.Value,
                alertEvent.Notify, alertEvent.Suppression);
        }

        var messages = await queue.EnqueueAsync(evaluation.Notifications, cancellationToken);
        if (evaluation.Notifications.Count > 0)
        {
            LogQueued(evaluation.Notifications.Count, messages, siteId);
        }

        return evaluation;
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information,
        Message = "Alert {Kind}: rule {RuleId}, subject {SubjectId}, host {Host}, site {SiteId}, value {Value}; delivered {Delivered}, suppression {Suppression}")]
    private partial void LogEvent(AlertEventKind kind, string ruleId, string subjectId, string? host, string siteId, double? value,
        bool delivered, AlertSuppression suppression);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Queued {NotificationCount} notifications as {MessageCount} channel messages for site {SiteId}")]
    private partial void LogQueued(int notificationCount, int messageCount, string siteId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning,
        Message = "Alert state of site {SiteId} changed during evaluation (attempt {Attempt} of {MaxAttempts}); evaluating again")]
    private partial void LogConflict(Exception exception, string siteId, int attempt, int maxAttempts);
}
