using FleetServerless.Cloud.Ingest;
using Microsoft.Azure.Functions.Worker;

namespace FleetServerless.Functions.Ingest;

/// <summary>Ingest from Event Hubs: drains every partition from its checkpoint; does nothing without a hub.</summary>
public sealed class EventHubsDrainFunction(EventHubsDrain drain)
{
    [Function(nameof(DrainEventHubs))]
    public Task DrainEventHubs([TimerTrigger(IngestTriggers.DrainSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        drain.RunAsync(cancellationToken);
}
