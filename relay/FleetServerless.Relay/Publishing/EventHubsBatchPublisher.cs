using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Logging;
using FleetServerless.Relay.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Relay.Publishing;

/// <summary>
/// Sends outbox batches to Event Hubs, packing as many as fit into each <see cref="EventDataBatch"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each outbox batch becomes one event: its UTF-8 JSON body (uncompressed), content type
/// <c>application/json</c>, <see cref="EventData.MessageId"/> = batch id, and the properties in
/// <see cref="EventProperties"/>. The partition key is the site id, so one site's batches stay in order on one
/// partition.
/// </para>
/// <para>
/// A batch whose event alone exceeds the size limit is split by samples into parts that each fit. Every part is
/// a complete telemetry batch with the same sequence, the id <c>{batchId}.{part}of{parts}</c> and the
/// <c>part</c>/<c>parts</c> properties. The outbox batch counts as sent only when all its parts were sent; a
/// failure resends all parts with the same ids. A single sample too large for any event is rejected and moved
/// aside, never dropped.
/// </para>
/// <para>
/// <see cref="EventHubProducerClient.SendAsync(EventDataBatch, CancellationToken)"/> is atomic per event batch,
/// so a failed send confirms none of the batches in it.
/// </para>
/// </remarks>
public sealed class EventHubsBatchPublisher(
    EventHubProducerClient producer, IOptions<RelayOptions> options, ILogger<EventHubsBatchPublisher> logger) : IBatchPublisher
{
    public string Kind => PublisherOptions.EventHubsKind;

    public async Task<PublishResult> PublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var confirmed = new List<long>();
        var rejected = new List<PublishRejection>();
        var pending = new List<long>();
        EventDataBatch? batch = null;

        try
        {
            foreach (var entry in entries)
            {
                batch ??= await CreateBatchAsync(cancellationToken);
                var whole = EventFactory.Create(entry.ReadBatch(), entry.ReadJson(), part: null);
                if (batch.TryAdd(whole))
                {
                    pending.Add(entry.Sequence);
                    continue;
                }

                if (batch.Count > 0)
                {
                    await SendAsync(batch, pending, confirmed, cancellationToken);
                    batch = await CreateBatchAsync(cancellationToken);
                    if (batch.TryAdd(whole))
                    {
                        pending.Add(entry.Sequence);
                        continue;
                    }
                }

                // The event does not fit even in an empty batch: split it.
                batch.Dispose();
                batch = null;
                var rejection = await SendSplitAsync(entry, cancellationToken);
                if (rejection is null)
                {
                    confirmed.Add(entry.Sequence);
                }
                else
                {
                    rejected.Add(rejection);
                }
            }

            if (batch is { Count: > 0 })
            {
                await SendAsync(batch, pending, confirmed, cancellationToken);
            }

            return new PublishResult(confirmed, rejected, null);
        }
        catch (Exception ex) when (ex is EventHubsException or TimeoutException or UnauthorizedAccessException
                                       or Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return PublishResult.Failed(confirmed, rejected, ex);
        }
        finally
        {
            batch?.Dispose();
        }
    }

    private async Task SendAsync(EventDataBatch batch, List<long> pending, List<long> confirmed, CancellationToken cancellationToken)
    {
        await producer.SendAsync(batch, cancellationToken);
        confirmed.AddRange(pending);
        pending.Clear();
        batch.Dispose();
    }

    private ValueTask<EventDataBatch> CreateBatchAsync(CancellationToken cancellationToken)
    {
        var relay = options.Value;
        return producer.CreateBatchAsync(new CreateBatchOptions
        {
            PartitionKey = relay.SiteId,
            MaximumSizeInBytes = relay.Publisher.EventHubs.MaxBatchSizeBytes,
        }, cancellationToken);
    }

    /// <summary>
    /// Sends one outbox batch as parts, doubling the number of parts until each fits an empty event batch.
    /// Returns a rejection when even a single sample does not fit, else null once every part was sent.
    /// </summary>
    private async Task<PublishRejection?> SendSplitAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var telemetry = entry.ReadBatch();
        for (var partCount = 2; ; partCount *= 2)
        {
            var parts = Split(telemetry, Math.Min(partCount, Math.Max(1, telemetry.Samples.Count)));
            var events = parts.Select((p, i) => EventFactory.Create(p, TelemetryJson.SerializeToUtf8Bytes(p), (i + 1, parts.Count))).ToList();
            var packed = await PackAsync(events, cancellationToken);
            if (packed is not null)
            {
                RelayLog.BatchSplit(logger, entry.Sequence, entry.BatchId, parts.Count);
                foreach (var eventBatch in packed)
                {
                    using (eventBatch)
                    {
                        await producer.SendAsync(eventBatch, cancellationToken);
                    }
                }

                return null;
            }

            if (partCount >= telemetry.Samples.Count)
            {
                return new PublishRejection(entry.Sequence, entry.BatchId, 413,
                    "A single sample is larger than the Event Hubs size limit, so the batch cannot be sent as events.");
            }
        }
    }

    /// <summary>Packs events into as few event batches as fit, or returns null when one event fits none.</summary>
    private async Task<List<EventDataBatch>?> PackAsync(List<EventData> events, CancellationToken cancellationToken)
    {
        var batches = new List<EventDataBatch>();
        var current = await CreateBatchAsync(cancellationToken);
        batches.Add(current);
        foreach (var eventData in events)
        {
            if (current.TryAdd(eventData))
            {
                continue;
            }

            if (current.Count == 0)
            {
                batches.ForEach(b => b.Dispose());
                return null;
            }

            current = await CreateBatchAsync(cancellationToken);
            batches.Add(current);
            if (!current.TryAdd(eventData))
            {
                batches.ForEach(b => b.Dispose());
                return null;
            }
        }

        return batches;
    }

    private static List<TelemetryBatch> Split(TelemetryBatch batch, int partCount)
    {
        var size = (int)Math.Ceiling(batch.Samples.Count / (double)partCount);
        var parts = batch.Samples.Chunk(Math.Max(1, size)).ToList();
        return parts
            .Select((samples, i) => batch with { BatchId = $"{batch.BatchId}.{i + 1}of{parts.Count}", Samples = samples })
            .ToList();
    }
}
