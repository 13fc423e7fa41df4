using FleetServerless.Cloud.Ingest;
using FleetServerless.DevHost.Hosting;

namespace FleetServerless.DevHost.Ingest;

/// <summary>DevHost twins of the ingest trigger classes in <c>FleetServerless.Functions/Ingest/</c>.</summary>
public sealed class IngestFunctionDescriptors : IFunctionDescriptorSource
{
    public IEnumerable<FunctionDescriptor> GetDescriptors() =>
    [
        FunctionDescriptor.Http<IngestHandler>("Ingest", FunctionAuthLevel.Function, "post", IngestTriggers.HttpRoute,
            (handler, request, token) => handler.HandleAsync(request, token)),
        FunctionDescriptor.Timer<EventHubsDrain>("DrainEventHubs", IngestTriggers.DrainSchedule,
            (drain, token) => drain.RunAsync(token)),
    ];
}
