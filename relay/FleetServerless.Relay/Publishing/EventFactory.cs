using Azure.Messaging.EventHubs;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Relay.Publishing;

/// <summary>Builds the Event Hubs event for a telemetry batch or one part of it.</summary>
internal static class EventFactory
{
    public static EventData Create(TelemetryBatch batch, byte[] json, (int Index, int Count)? part)
    {
        var eventData = new EventData(json)
        {
            MessageId = batch.BatchId,
            ContentType = "application/json",
        };

        eventData.Properties[EventProperties.BatchId] = batch.BatchId;
        eventData.Properties[EventProperties.Sequence] = batch.Sequence;
        eventData.Properties[EventProperties.SiteId] = batch.SiteId;
        eventData.Properties[EventProperties.RelayId] = batch.RelayId;
        eventData.Properties[EventProperties.SchemaVersion] = batch.SchemaVersion;
        if (part is { } p)
        {
            eventData.Properties[EventProperties.Part] = p.Index;
            eventData.Properties[EventProperties.Parts] = p.Count;
        }

        return eventData;
    }
}
