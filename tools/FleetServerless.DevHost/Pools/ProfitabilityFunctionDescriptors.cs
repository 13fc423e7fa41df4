using FleetServerless.Cloud.Profitability;
using FleetServerless.DevHost.Hosting;

namespace FleetServerless.DevHost.Pools;

/// <summary>DevHost twins of the trigger classes in <c>FleetServerless.Functions/Pools/</c>.</summary>
public sealed class ProfitabilityFunctionDescriptors : IFunctionDescriptorSource
{
    public IEnumerable<FunctionDescriptor> GetDescriptors() =>
    [
        FunctionDescriptor.Timer<ProfitabilitySync>("ProfitabilitySync", ProfitabilityTriggers.SyncSchedule,
            (sync, token) => sync.RunAsync(token)),
        FunctionDescriptor.Http<ProfitabilityHandler>("Profitability", FunctionAuthLevel.Function, "get", ProfitabilityTriggers.Route,
            (handler, request, token) => handler.HandleAsync(request, token)),
    ];
}
