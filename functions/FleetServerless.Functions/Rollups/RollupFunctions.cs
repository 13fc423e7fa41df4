using FleetServerless.Cloud.Rollups;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Rollups;

/// <summary>Rollups of pending hours, and deletion of history past retention.</summary>
public sealed class RollupFunctions(RollupBuilder rollups, RetentionJob retention)
{
    [Function(nameof(BuildRollups))]
    public Task BuildRollups([TimerTrigger(RollupTriggers.RollupSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        rollups.RunAsync(cancellationToken);

    [Function(nameof(ApplyRetention))]
    public Task ApplyRetention([TimerTrigger(RollupTriggers.RetentionSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        retention.RunAsync(cancellationToken);
}
