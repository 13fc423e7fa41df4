using FleetServerless.Cloud.Fleet;
using FleetServerless.DevHost.Hosting;

namespace FleetServerless.DevHost.Fleet;

/// <summary>DevHost twins of the fleet trigger classes in <c>FleetServerless.Functions/Fleet/</c>.</summary>
public sealed class FleetFunctionDescriptors : IFunctionDescriptorSource
{
    public IEnumerable<FunctionDescriptor> GetDescriptors() =>
    [
        FunctionDescriptor.Http<FleetHandler>("Fleet", FunctionAuthLevel.Function, "get", FleetTriggers.SummaryRoute,
            (handler, request, token) => handler.HandleAsync(request, token)),
    ];
}
