using Microsoft.AspNetCore.Http;

namespace FleetServerless.DevHost.Hosting;

/// <summary>
/// One function as the DevHost runs it: the same name, trigger, route, methods, authorization level, schedule or
/// queue as its trigger class in the Functions app, and a call into the same handler.
/// </summary>
/// <remarks>Create descriptors with <see cref="Http{THandler}"/>, <see cref="Timer{THandler}"/> or <see cref="Queue{THandler}"/>.</remarks>
public sealed record FunctionDescriptor
{
    private FunctionDescriptor()
    {
    }

    public required string Name { get; init; }

    public required FunctionTrigger Trigger { get; init; }

    /// <summary>The route under <c>/api</c>, as in the trigger attribute; HTTP only.</summary>
    public string? Route { get; init; }

    /// <summary>Lower-case HTTP methods; HTTP only.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    public FunctionAuthLevel AuthLevel { get; init; } = FunctionAuthLevel.Function;

    /// <summary>Six-field NCRONTAB expression (seconds first), evaluated in UTC; timer only.</summary>
    public string? Schedule { get; init; }

    /// <summary>The queue a queue trigger reads; its poison queue is this name followed by <c>-poison</c>.</summary>
    public string? QueueName { get; init; }

    internal Func<HttpContext, Task<IResult>>? HttpHandler { get; init; }

    internal Func<IServiceProvider, CancellationToken, Task>? TimerHandler { get; init; }

    internal Func<IServiceProvider, string, CancellationToken, Task>? QueueHandler { get; init; }

    /// <summary>An HTTP function whose handler is resolved from the request's services.</summary>
    public static FunctionDescriptor Http<THandler>(
        string name, FunctionAuthLevel authLevel, string method, string route, Func<THandler, HttpRequest, CancellationToken, Task<IResult>> invoke)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return new FunctionDescriptor
        {
            Name = name,
            Trigger = FunctionTrigger.Http,
            AuthLevel = authLevel,
            Methods = [method.ToLowerInvariant()],
            Route = route,
            HttpHandler = context => invoke(
                context.RequestServices.GetRequiredService<THandler>(), context.Request, context.RequestAborted),
        };
    }

    /// <summary>A timer function; the handler is resolved from a new service scope for each run.</summary>
    public static FunctionDescriptor Timer<THandler>(string name, string schedule, Func<THandler, CancellationToken, Task> invoke)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return new FunctionDescriptor
        {
            Name = name,
            Trigger = FunctionTrigger.Timer,
            Schedule = schedule,
            TimerHandler = (services, token) => invoke(services.GetRequiredService<THandler>(), token),
        };
    }

    /// <summary>A queue-triggered function that receives the decoded message text, as a <c>string</c> parameter does.</summary>
    public static FunctionDescriptor Queue<THandler>(string name, string queueName, Func<THandler, string, CancellationToken, Task> invoke)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return new FunctionDescriptor
        {
            Name = name,
            Trigger = FunctionTrigger.Queue,
            QueueName = queueName,
            QueueHandler = (services, message, token) => invoke(services.GetRequiredService<THandler>(), message, token),
        };
    }
}
