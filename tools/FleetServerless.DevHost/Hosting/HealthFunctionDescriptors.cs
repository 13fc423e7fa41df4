using FleetServerless.Cloud.Hosting;

namespace FleetServerless.DevHost.Hosting;

/// <summary>DevHost twin of <c>FleetServerless.Functions/Hosting/HealthFunction.cs</c>.</summary>
public sealed class HealthFunctionDescriptors : IFunctionDescriptorSource
{
    public IEnumerable<FunctionDescriptor> GetDescriptors() =>
    [
        FunctionDescriptor.Http<HealthHandler>("Health", FunctionAuthLevel.Anonymous, "get", HealthTriggers.Route,
            (handler, request, _) => Task.FromResult(handler.Handle(request))),
    ];
}
