using Microsoft.Extensions.Options;

namespace FleetServerless.DevHost.Hosting;

/// <summary>
/// Runs every timer function on its NCRONTAB schedule. Runs of one function never overlap: a run that outlasts
/// its period makes the next run start at the first occurrence after it finished, as the Functions host does.
/// </summary>
public sealed partial class TimerFunctionService(
    FunctionRegistry registry,
    FunctionRunner runner,
    IOptions<DevHostOptions> options,
    TimeProvider timeProvider,
    ILogger<TimerFunctionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TimersEnabled)
        {
            LogTimersDisabled();
            return Task.CompletedTask;
        }

        var loops = registry.Functions
            .Where(f => f.Trigger == FunctionTrigger.Timer)
            .Select(f => RunScheduleAsync(f, CronSchedule.Parse(f.Schedule!, f.Name), stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task RunScheduleAsync(FunctionDescriptor function, CronSchedule schedule, CancellationToken stoppingToken)
    {
        LogTimerScheduled(function.Name, schedule.Expression);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            var next = schedule.GetNextOccurrence(now);
            try
            {
                await Task.Delay(next - now, timeProvider, stoppingToken);
                await runner.RunTimerAsync(function, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The Functions host logs a failed timer run and keeps the schedule; so does the DevHost.
                LogTimerFailed(ex, function.Name);
            }
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Timer function {FunctionName} scheduled at '{Schedule}' (UTC)")]
    private partial void LogTimerScheduled(string functionName, string schedule);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "Timer function {FunctionName} failed")]
    private partial void LogTimerFailed(Exception exception, string functionName);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Timer functions are off (DevHost:TimersEnabled is false)")]
    private partial void LogTimersDisabled();
}
