using System.Reflection;

namespace FleetServerless.DevHost.Hosting;

/// <summary>Every function the DevHost runs; the parity test compares it with the Functions app's metadata.</summary>
public sealed class FunctionRegistry
{
    public FunctionRegistry(IEnumerable<FunctionDescriptor> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var list = functions.ToList();
        var duplicate = list.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two DevHost functions are named '{duplicate.Key}'; function names must be unique.");
        }

        foreach (var function in list)
        {
            Check(function);
        }

        Functions = list.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>The descriptors of every <see cref="IFunctionDescriptorSource"/> in the DevHost assembly.</summary>
    public static IReadOnlyList<FunctionDescriptor> Discover() => Discover(typeof(FunctionRegistry).Assembly);

    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IFunctionDescriptorSource).IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => ((IFunctionDescriptorSource)Activator.CreateInstance(t)!).GetDescriptors())
            .ToList();

    public FunctionDescriptor? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void Check(FunctionDescriptor function)
    {
        var problem = function.Trigger switch
        {
            FunctionTrigger.Http when string.IsNullOrWhiteSpace(function.Route) || function.Methods.Count == 0 || function.HttpHandler is null =>
                "an HTTP function needs a route, at least one method and a handler",
            FunctionTrigger.Timer when string.IsNullOrWhiteSpace(function.Schedule) || function.TimerHandler is null =>
                "a timer function needs a schedule and a handler",
            FunctionTrigger.Queue when string.IsNullOrWhiteSpace(function.QueueName) || function.QueueHandler is null =>
                "a queue function needs a queue name and a handler",
            _ => null,
        };
        if (problem is not null)
        {
            throw new InvalidOperationException($"DevHost function '{function.Name}' is invalid: {problem}.");
        }

        if (function.Trigger == FunctionTrigger.Timer)
        {
            _ = CronSchedule.Parse(function.Schedule!, function.Name);
        }
    }
}
