using System.Diagnostics;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Hosting;
using FleetServerless.Relay.Logging;
using FleetServerless.Relay.Outbox;
using FleetServerless.Relay.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Relay.Polling;

/// <summary>
/// One step of the relay at a time: a poll cycle that stores a batch, or one pass of publishing the outbox.
/// The worker calls these on its schedule; tests and the demo call them directly.
/// </summary>
public sealed class RelayPipeline(
    MinerPoller poller,
    SqliteOutbox outbox,
    OutboxForwarder forwarder,
    IOptions<RelayOptions> options,
    TimeProvider timeProvider,
    ILogger<RelayPipeline> logger)
{
    private readonly long _startedAt = timeProvider.GetTimestamp();

    /// <summary>
    /// Polls every miner, then commits one batch with the samples and the heartbeat to the outbox. A batch is
    /// stored even when no miner responded.
    /// </summary>
    public async Task<PollCycleResult> RunPollCycleAsync(CancellationToken cancellationToken)
    {
        var relay = options.Value;
        var started = Stopwatch.GetTimestamp();
        var samples = await poller.PollAsync(relay.Miners, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        TelemetryBatch? stored = null;
        await outbox.AppendAsync(context => stored = BuildBatch(relay, samples, context), cancellationToken);

        var result = new PollCycleResult(stored!, elapsed);
        poller.LogOutcome(stored!.Sequence, relay.Miners, samples);
        RelayLog.CycleCompleted(logger, stored.Sequence, relay.SiteId, result.AnsweredCount, samples.Count, elapsed.TotalMilliseconds);
        return result;
    }

    /// <summary>Publishes what waits in the outbox until it is empty or a send fails.</summary>
    public Task<ForwardResult> PublishAsync(CancellationToken cancellationToken) => forwarder.ForwardAsync(cancellationToken);

    private TelemetryBatch BuildBatch(RelayOptions relay, IReadOnlyList<MinerSample> samples, OutboxAppendContext context) => new()
    {
        SiteId = relay.SiteId,
        RelayId = relay.RelayId,
        BatchId = Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("N"),
        Sequence = context.Sequence,
        CreatedAt = timeProvider.GetUtcNow(),
        Relay = new RelayHeartbeat
        {
            Version = RelayVersion.Current,
            UptimeSeconds = Math.Round(timeProvider.GetElapsedTime(_startedAt).TotalSeconds, 3),
            OutboxDepth = context.OutboxDepth,
            MinersConfigured = relay.Miners.Count,
            SamplesThinned = context.SamplesThinned,
        },
        Samples = samples,
    };
}
