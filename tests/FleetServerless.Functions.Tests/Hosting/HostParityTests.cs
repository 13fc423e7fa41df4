using FleetServerless.DevHost.Hosting;
using static FleetServerless.Functions.Tests.Hosting.FunctionsMetadata;

namespace FleetServerless.Functions.Tests.Hosting;

/// <summary>
/// Both cloud hosts register the same functions: every function of the Functions app's generated metadata has a
/// DevHost descriptor with the same name, trigger, route, methods, authorization level, schedule and queue.
/// </summary>
public sealed class HostParityTests
{
    private static readonly IReadOnlyList<TriggerInfo> Functions = Read(FindFile());

    private static readonly IReadOnlyList<TriggerInfo> DevHost = new FunctionRegistry(FunctionRegistry.Discover()).Functions
        .Select(ToTriggerInfo)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void FunctionNames_AreTheSameInBothHosts()
    {
        Assert.Equal(Functions.Select(f => f.Name), DevHost.Select(f => f.Name));
    }

    [Fact]
    public void EveryFunction_HasTheSameTriggerInBothHosts()
    {
        foreach (var function in Functions)
        {
            var twin = DevHost.SingleOrDefault(d => d.Name == function.Name);
            Assert.True(twin is not null, $"The DevHost has no descriptor for function '{function.Name}'.");
            Assert.Equal(function, twin);
        }
    }

    [Theory]
    [InlineData("Ingest", "httpTrigger", "ingest", "post", "Function")]
    [InlineData("Fleet", "httpTrigger", "fleet", "get", "Function")]
    [InlineData("Health", "httpTrigger", "health", "get", "Anonymous")]
    public void CoreHttpFunctions_AreInTheMetadata(string name, string trigger, string route, string methods, string authLevel)
    {
        var function = Functions.SingleOrDefault(f => f.Name == name);

        Assert.NotNull(function);
        Assert.Equal(trigger, function.Trigger);
        Assert.Equal(route, function.Route);
        Assert.Equal(methods, function.Methods);
        Assert.Equal(authLevel, function.AuthLevel);
    }

    private static TriggerInfo ToTriggerInfo(FunctionDescriptor descriptor) => new(
        descriptor.Name,
        descriptor.Trigger switch
        {
            FunctionTrigger.Http => "httpTrigger",
            FunctionTrigger.Timer => "timerTrigger",
            FunctionTrigger.Queue => "queueTrigger",
            _ => throw new ArgumentOutOfRangeException(nameof(descriptor), descriptor.Trigger, "Unknown trigger kind."),
        },
        descriptor.Route,
        string.Join(",", descriptor.Methods.Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal)),
        descriptor.Trigger == FunctionTrigger.Http ? descriptor.AuthLevel.ToString() : null,
        descriptor.Schedule,
        descriptor.QueueName);
}
