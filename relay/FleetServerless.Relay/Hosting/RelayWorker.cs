using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Logging;
using FleetServerless.Relay.Outbox;
using FleetServerless.Relay.Polling;
using FleetServerless.Relay.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Relay.Hosting;

/// <summary>
/// The relay service: a poll loop on a fixed cadence and a publish loop that drains the outbox, side by side, so a
/// long outage backlog never delays polling.
/// </summary>
/// <remarks>
/// Cycles start at whole multiples of the poll interval after start. A cycle that runs past the next start skips
/// that start (logged) instead of starting late cycles back to back. On stop, the running cycle finishes and
/// stores its batch, which takes at most the miner timeout. A send in flight is cancelled, and its batch stays in
/// the outbox.
/// </remarks>
public sealed class RelayWorker(
    RelayPipeline pipeline,
    SqliteOutbox outbox,
    IBatchPublisher publisher,
    IOptions<RelayOptions> options,
    TimeProvider timeProvider,
    ILogger<RelayWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _publishSignal = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var relay = options.Value;
        RelayLog.Starting(logger, relay.RelayId, relay.SiteId, RelayVersion.Current, relay.Miners.Count,
            relay.PollInterval, publisher.Kind, outbox.FilePath);

        // Batches left from before a restart go out first.
        SignalPublish();
        var publishLoop = Task.Run(() => PublishLoopAsync(stoppingToken), CancellationToken.None);

        try
        {
            await PollLoopAsync(stoppingToken);
        }
        finally
        {
            RelayLog.Stopping(logger, relay.RelayId, relay.SiteId);
            await publishLoop;
            RelayLog.Stopped(logger, relay.RelayId, relay.SiteId, await outbox.CountAsync(CancellationToken.None));
        }
    }

    private async Task PollLoopAsync(CancellationToken stoppingToken)
    {
        var relay = options.Value;
        var schedule = new PollSchedule(relay.PollInterval);
        var start = timeProvider.GetTimestamp();

        while (!stoppingToken.IsCancellationRequested)
        {
            var cycleStart = timeProvider.GetElapsedTime(start);
            try
            {
                // The cycle gets no stopping token, so a stop lets it finish and store its batch; the miner
                // timeout bounds how long that takes.
                await pipeline.RunPollCycleAsync(CancellationToken.None);
                SignalPublish();
            }
            catch (Exception ex)
            {
                RelayLog.CycleFailed(logger, ex, relay.SiteId);
            }

            var elapsed = timeProvider.GetElapsedTime(start);
            var (wait, skipped) = schedule.Advance(elapsed);
            if (skipped > 0)
            {
                RelayLog.CycleOverrun(logger, relay.SiteId, (elapsed - cycleStart).TotalMilliseconds, relay.PollInterval, skipped);
            }

            try
            {
                await Task.Delay(wait, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PublishLoopAsync(CancellationToken stoppingToken)
    {
        var publisherOptions = options.Value.Publisher;
        var failures = 0;
        var retryDelay = TimeSpan.Zero;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (failures == 0)
                {
                    await _publishSignal.WaitAsync(stoppingToken);
                }
                else
                {
                    // While backing off, new batches do not cut the wait short; they go out with the retry.
                    await Task.Delay(retryDelay, timeProvider, stoppingToken);
                    _publishSignal.Wait(0, CancellationToken.None);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            string? error;
            long failedSequence = 0;
            long depth = -1;
            try
            {
                var result = await pipeline.PublishAsync(stoppingToken);
                if (result.Succeeded)
                {
                    failures = 0;
                    continue;
                }

                error = result.Failure!.Message;
                failedSequence = result.FailedSequence ?? 0;
                depth = result.RemainingDepth;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                error = ex.ToString();
            }

            failures++;
            retryDelay = RetryBackoff.Delay(publisherOptions, failures);
            RelayLog.PublishFailed(logger, failedSequence, publisher.Kind, failures, depth, retryDelay, error);
        }
    }

    private void SignalPublish()
    {
        try
        {
            _publishSignal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A publish pass is already pending; it will see this batch too.
        }
    }

    public override void Dispose()
    {
        _publishSignal.Dispose();
        base.Dispose();
    }
}
