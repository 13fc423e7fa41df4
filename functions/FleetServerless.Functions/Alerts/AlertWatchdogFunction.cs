using FleetServerless.Cloud.Alerts;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Alerts;

/// <summary>Every minute: relays and miners that stopped reporting, and the pool and profit rules.</summary>
public sealed class AlertWatchdogFunction(AlertWatchdog watchdog)
{
    [Function(nameof(AlertWatchdog))]
    public Task AlertWatchdog(
        [TimerTrigger(AlertTriggers.WatchdogSchedule)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        watchdog.RunAsync(cancellationToken);
}
