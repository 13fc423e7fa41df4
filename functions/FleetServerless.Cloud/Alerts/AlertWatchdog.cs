using Azure;
using FleetServerless.Cloud.Pools;
using FleetServerless.Core.Alerts;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// The watchdog timer's work, every minute: relays and miners that stopped reporting (absence is visible only to
/// a timer), then the pool and profit rules of every site. One site's failure does not stop the others.
/// </summary>
public sealed partial class AlertWatchdog(
    AlertStateStore states,
    AlertEvaluationService evaluation,
    IEnumerable<IPoolStatusReader> poolReaders,
    ILogger<AlertWatchdog> logger)
{
    // The pool rules need the pool area's reader; without it (no AddPools) only absence is evaluated.
    private readonly PoolAlertInputReader? _poolInputs =
        poolReaders.FirstOrDefault() is { } reader ? new PoolAlertInputReader(reader) : null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sites = await states.ListSitesAsync(cancellationToken);
        var raised = 0;
        foreach (var site in sites)
        {
            raised += await RunSafelyAsync(site, "absence", () => evaluation.EvaluateWatchdogAsync(site, cancellationToken));
        }

        if (_poolInputs is not null)
        {
            var inputs = await _poolInputs.ReadAsync(sites, cancellationToken);
            foreach (var (site, input) in inputs)
            {
                raised += await RunSafelyAsync(site, "pool", () => evaluation.EvaluateSiteAsync(site, input, cancellationToken));
            }
        }

        LogCompleted(sites.Count, raised, _poolInputs is not null);
    }

    private async Task<int> RunSafelyAsync(string siteId, string part, Func<Task<SiteEvaluation?>> run)
    {
        try
        {
            var result = await run();
            return result?.Events.Count ?? 0;
        }
        catch (Exception ex) when (ex is RequestFailedException or AlertStateConflictException)
        {
            LogSiteFailed(ex, part, siteId);
            return 0;
        }
    }

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information,
        Message = "Alert watchdog checked {SiteCount} sites and raised {EventCount} events (pool rules evaluated: {PoolRules})")]
    private partial void LogCompleted(int siteCount, int eventCount, bool poolRules);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Error, Message = "Alert watchdog failed on the {Part} rules of site {SiteId}; the next run retries")]
    private partial void LogSiteFailed(Exception exception, string part, string siteId);
}
