using FleetServerless.Cloud.Rollups;
using FleetServerless.DevHost.Hosting;

namespace FleetServerless.DevHost.Rollups;

/// <summary>DevHost twins of <c>FleetServerless.Functions/Rollups/RollupFunctions.cs</c>.</summary>
public sealed class RollupFunctionDescriptors : IFunctionDescriptorSource
{
    public IEnumerable<FunctionDescriptor> GetDescriptors() =>
    [
        FunctionDescriptor.Timer<RollupBuilder>("BuildRollups", RollupTriggers.RollupSchedule, (rollups, token) => rollups.RunAsync(token)),
        FunctionDescriptor.Timer<RetentionJob>("ApplyRetention", RollupTriggers.RetentionSchedule, (retention, token) => retention.RunAsync(token)),
    ];
}
