using Azure.Messaging.EventHubs.Consumer;
using Azure.Messaging.EventHubs.Primitives;

namespace FleetServerless.Cloud.Ingest;

/// <summary>Lists a hub's partitions and opens a <see cref="PartitionReceiver"/> on one; replaced by a mock in tests.</summary>
public interface IEventHubsPartitionSource
{
    Task<IReadOnlyList<string>> GetPartitionIdsAsync(CancellationToken cancellationToken);

    PartitionReceiver CreateReceiver(string partitionId, EventPosition startingPosition);
}
