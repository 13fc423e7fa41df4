namespace FleetServerless.DevHost.Hosting;

/// <summary>
/// Runs timer and queue functions in their own service scope. The schedulers call it, and tests and the demo can
/// run a timer function by name instead of waiting for its schedule.
/// </summary>
public sealed partial class FunctionRunner(FunctionRegistry registry, IServiceScopeFactory scopes, ILogger<FunctionRunner> logger)
{
    /// <summary>Runs a timer function once; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    public Task RunTimerAsync(string name, CancellationToken cancellationToken = default)
    {
        var function = registry.Find(name);
        if (function is not { Trigger: FunctionTrigger.Timer })
        {
            throw new KeyNotFoundException($"The DevHost has no timer function named '{name}'.");
        }

        return RunTimerAsync(function, cancellationToken);
    }

    internal async Task RunTimerAsync(FunctionDescriptor function, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        LogFunctionStarting(function.Name);
        await function.TimerHandler!(scope.ServiceProvider, cancellationToken);
        LogFunctionCompleted(function.Name);
    }

    internal async Task RunQueueAsync(FunctionDescriptor function, string message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await function.QueueHandler!(scope.ServiceProvider, message, cancellationToken);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Running function {FunctionName}")]
    private partial void LogFunctionStarting(string functionName);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Function {FunctionName} completed")]
    private partial void LogFunctionCompleted(string functionName);
}
