using Azure.Identity;
using Azure.Messaging.EventHubs.Consumer;
using Azure.Messaging.EventHubs.Primitives;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Ingest;

/// <summary>The real hub, from <see cref="EventHubsOptions"/>: a connection string, else managed identity.</summary>
internal sealed class EventHubsPartitionSource(IOptions<EventHubsOptions> options) : IEventHubsPartitionSource
{
    private readonly Lazy<DefaultAzureCredential> _credential = new(() => new DefaultAzureCredential());

    public async Task<IReadOnlyList<string>> GetPartitionIdsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var consumer = string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new EventHubConsumerClient(settings.ConsumerGroup, settings.FullyQualifiedNamespace, settings.HubName, _credential.Value)
            : new EventHubConsumerClient(settings.ConsumerGroup, settings.ConnectionString, settings.HubName);
        return await consumer.GetPartitionIdsAsync(cancellationToken);
    }

    public PartitionReceiver CreateReceiver(string partitionId, EventPosition startingPosition)
    {
        var settings = options.Value;
        return string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new PartitionReceiver(settings.ConsumerGroup, partitionId, startingPosition, settings.FullyQualifiedNamespace, settings.HubName, _credential.Value)
            : new PartitionReceiver(settings.ConsumerGroup, partitionId, startingPosition, settings.ConnectionString, settings.HubName);
    }
}
