using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// The Event Hubs ingest: reads every partition from its checkpoint in Table Storage with a
/// <c>PartitionReceiver</c>, stores each chunk of events through the same path as HTTPS ingest, and
/// checkpoints after each stored chunk, until the partition is empty or the time budget is spent.
/// </summary>
/// <remarks>
/// The checkpoint never passes an event that was neither stored nor put aside: a chunk that fails to write
/// stops the partition for this run and is read again on the next one. An event that cannot be read (invalid
/// JSON, wrong schema, invalid values) is stored in the poison table with its partition and sequence number and
/// skipped. Partitions are read at the same time, each within the same budget.
/// </remarks>
public sealed partial class EventHubsDrain(
    IEventHubsPartitionSource partitions,
    ITelemetryIngestor ingestor,
    FleetTableClients tables,
    IOptions<EventHubsOptions> options,
    TimeProvider timeProvider,
    ILogger<EventHubsDrain> logger)
{
    private int _offLogged;

    /// <summary>Drains every partition once. Returns no result when the drain is off (no hub configured).</summary>
    public async Task<IReadOnlyList<PartitionDrainResult>> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            if (Interlocked.Exchange(ref _offLogged, 1) == 0)
            {
                LogDrainOff();
            }

            return [];
        }

        var started = timeProvider.GetTimestamp();
        var ids = await partitions.GetPartitionIdsAsync(cancellationToken);
        var results = await Task.WhenAll(ids.Select(id => DrainPartitionAsync(id, started, cancellationToken)));
        foreach (var result in results.Where(r => r.EventsRead > 0 || r.Failed))
        {
            LogPartitionDrained(settings.HubName!, result.PartitionId, result.EventsRead, result.BatchesStored, result.PoisonEvents,
                result.CheckpointSequenceNumber, result.StoppedAtTimeBudget);
        }

        return results;
    }

    private async Task<PartitionDrainResult> DrainPartitionAsync(string partitionId, long started, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var budget = TimeSpan.FromSeconds(settings.TimeBudgetSeconds);
        var checkpoints = await tables.GetTableAsync(TableNames.Checkpoints, cancellationToken);
        var checkpointPartition = CheckpointEntity.PartitionFor(settings.HubName!, settings.ConsumerGroup);
        var stored = await checkpoints.GetEntityIfExistsAsync<CheckpointEntity>(checkpointPartition, partitionId, cancellationToken: cancellationToken);
        long? checkpoint = stored.HasValue ? stored.Value!.SequenceNumber : null;
        var position = checkpoint is { } sequence
            ? EventPosition.FromSequenceNumber(sequence, isInclusive: false)
            : EventPosition.Earliest;

        int eventsRead = 0, batchesStored = 0, poisonEvents = 0;
        await using var receiver = partitions.CreateReceiver(partitionId, position);
        while (true)
        {
            var remaining = budget - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return new PartitionDrainResult(partitionId, eventsRead, batchesStored, poisonEvents, checkpoint, StoppedAtTimeBudget: true, Failed: false);
            }

            var wait = TimeSpan.FromMilliseconds(Math.Min(settings.MaxWaitMilliseconds, remaining.TotalMilliseconds));
            var received = (await receiver.ReceiveBatchAsync(settings.MaxEventsPerReceive, wait, cancellationToken)).ToList();
            if (received.Count == 0)
            {
                return new PartitionDrainResult(partitionId, eventsRead, batchesStored, poisonEvents, checkpoint, StoppedAtTimeBudget: false, Failed: false);
            }

            eventsRead += received.Count;
            var events = received.Select(Read).ToList();
            try
            {
                // Any failure, an observer's included, leaves the checkpoint before this chunk; other partitions go on.
                var (batches, poison) = await StoreChunkAsync(partitionId, events, cancellationToken);
                batchesStored += batches;
                poisonEvents += poison;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogChunkFailed(ex, settings.HubName!, partitionId, events[0].SequenceNumber, events[^1].SequenceNumber);
                return new PartitionDrainResult(partitionId, eventsRead, batchesStored, poisonEvents, checkpoint, StoppedAtTimeBudget: false, Failed: true);
            }

            var last = received[^1];
            await checkpoints.UpsertEntityAsync(new CheckpointEntity
            {
                PartitionKey = checkpointPartition,
                RowKey = partitionId,
                SequenceNumber = last.SequenceNumber,
                Offset = last.OffsetString,
                EnqueuedTime = last.EnqueuedTime,
            }, TableUpdateMode.Replace, cancellationToken);
            checkpoint = last.SequenceNumber;
        }
    }

    /// <summary>
    /// Puts the chunk's poison events aside, then stores its batches in one ingest call. A failure that retrying
    /// cannot fix (status 400 or 413) makes it store the batches one by one, and the ones that fail again that way
    /// are put aside as poison. Any other failure propagates.
    /// </summary>
    private async Task<(int Batches, int Poison)> StoreChunkAsync(string partitionId, List<DrainedEvent> events, CancellationToken cancellationToken)
    {
        var poison = events.Where(e => e.Batch is null).ToList();
        foreach (var item in poison)
        {
            await StorePoisonAsync(partitionId, item, item.PoisonReason!, cancellationToken);
        }

        var valid = events.Where(e => e.Batch is not null).ToList();
        if (valid.Count == 0)
        {
            return (0, poison.Count);
        }

        try
        {
            await ingestor.IngestAsync(valid.Select(e => e.Batch!).ToList(), IngestSource.EventHubs, cancellationToken);
            return (valid.Count, poison.Count);
        }
        catch (RequestFailedException ex) when (IsPermanent(ex) && valid.Count > 1)
        {
            LogChunkRetriedOneByOne(options.Value.HubName!, partitionId, valid.Count, ex.Status);
        }
        catch (RequestFailedException ex) when (IsPermanent(ex))
        {
            await StorePoisonAsync(partitionId, valid[0], $"Table Storage rejected the batch with {ex.Status} ({ex.ErrorCode}).", cancellationToken);
            return (0, poison.Count + 1);
        }

        var stored = 0;
        var rejected = 0;
        foreach (var item in valid)
        {
            try
            {
                await ingestor.IngestAsync([item.Batch!], IngestSource.EventHubs, cancellationToken);
                stored++;
            }
            catch (RequestFailedException ex) when (IsPermanent(ex))
            {
                await StorePoisonAsync(partitionId, item, $"Table Storage rejected the batch with {ex.Status} ({ex.ErrorCode}).", cancellationToken);
                rejected++;
            }
        }

        return (stored, poison.Count + rejected);
    }

    private static bool IsPermanent(RequestFailedException ex) =>
        ex.Status is (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.RequestEntityTooLarge;

    private async Task StorePoisonAsync(string partitionId, DrainedEvent item, string reason, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableNames.PoisonEvents, cancellationToken);
        var body = item.Body.Length > PoisonEventEntity.MaxStoredBodyBytes ? item.Body[..PoisonEventEntity.MaxStoredBodyBytes] : item.Body;
        await table.UpsertEntityAsync(new PoisonEventEntity
        {
            PartitionKey = PoisonEventEntity.PartitionFor(options.Value.HubName!, partitionId),
            RowKey = StorageKeys.Number(item.SequenceNumber),
            PartitionId = partitionId,
            SequenceNumber = item.SequenceNumber,
            EnqueuedTime = item.EnqueuedTime,
            Reason = reason.Length > 4000 ? reason[..4000] : reason,
            Body = body,
            BodyLength = item.Body.Length,
            BodyTruncated = body.Length < item.Body.Length,
        }, TableUpdateMode.Replace, cancellationToken);
        LogPoisonEvent(options.Value.HubName!, partitionId, item.SequenceNumber, reason);
    }

    private DrainedEvent Read(EventData data)
    {
        var body = data.EventBody.ToArray();
        try
        {
            var json = IsGzip(body) ? Decompress(body) : body;
            var batch = TelemetryJson.Deserialize(json);
            if (batch is null)
            {
                return new(data.SequenceNumber, data.EnqueuedTime, body, null, "The event body is JSON null, not a telemetry batch.");
            }

            var problems = ingestor.Validate(batch);
            if (problems.Count > 0)
            {
                var listed = string.Join("; ", problems.Take(5).Select(p => $"{p.Field} {p.Message}"));
                return new(data.SequenceNumber, data.EnqueuedTime, body, null, $"The batch is invalid: {listed}");
            }

            return new(data.SequenceNumber, data.EnqueuedTime, body, batch, null);
        }
        catch (JsonException ex)
        {
            return new(data.SequenceNumber, data.EnqueuedTime, body, null, $"The event body is not a telemetry batch at {ex.Path ?? "$"}: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            return new(data.SequenceNumber, data.EnqueuedTime, body, null, $"The event body starts like gzip but is not valid gzip: {ex.Message}");
        }
    }

    private static bool IsGzip(byte[] body) => body.Length >= 2 && body[0] == 0x1f && body[1] == 0x8b;

    private static byte[] Decompress(byte[] body)
    {
        using var input = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "The Event Hubs drain is off: EventHubs:HubName is not set. Relays must use the HTTPS publisher.")]
    private partial void LogDrainOff();

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Drained {EventsRead} events from {HubName} partition {PartitionId}: {BatchesStored} batches stored, {PoisonEvents} put aside, checkpoint {Checkpoint}, stopped at time budget: {StoppedAtTimeBudget}")]
    private partial void LogPartitionDrained(string hubName, string partitionId, int eventsRead, int batchesStored, int poisonEvents, long? checkpoint, bool stoppedAtTimeBudget);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error,
        Message = "Storing events {FirstSequenceNumber}..{LastSequenceNumber} of {HubName} partition {PartitionId} failed; the checkpoint stays before them and the next run reads them again")]
    private partial void LogChunkFailed(Exception exception, string hubName, string partitionId, long firstSequenceNumber, long lastSequenceNumber);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning,
        Message = "Put aside event {SequenceNumber} of {HubName} partition {PartitionId}: {Reason}")]
    private partial void LogPoisonEvent(string hubName, string partitionId, long sequenceNumber, string reason);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning,
        Message = "Table Storage rejected a chunk of {BatchCount} batches from {HubName} partition {PartitionId} with {Status}; storing them one by one")]
    private partial void LogChunkRetriedOneByOne(string hubName, string partitionId, int batchCount, int status);
}
