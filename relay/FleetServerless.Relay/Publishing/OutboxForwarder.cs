using FleetServerless.Relay.Logging;
using FleetServerless.Relay.Outbox;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Publishing;

/// <summary>
/// Sends what waits in the outbox, lowest sequence first, and removes each batch only after the publisher's
/// confirmation.
/// </summary>
public sealed class OutboxForwarder(SqliteOutbox outbox, IBatchPublisher publisher, ILogger<OutboxForwarder> logger)
{
    /// <summary>Maximum batches read from the outbox per publish call; Event Hubs packs them into as few sends as fit.</summary>
    public const int MaxEntriesPerPublish = 64;

    private long _rejectedTotal;
    private int _consecutiveFailures;

    /// <summary>Batches rejected by the cloud side since start.</summary>
    public long RejectedTotal => Interlocked.Read(ref _rejectedTotal);

    /// <summary>Failed forwarding attempts in a row; 0 after a success.</summary>
    public int ConsecutiveFailures => _consecutiveFailures;

    /// <summary>
    /// Publishes until the outbox is empty or a send fails. A send failure is returned, not thrown, and the failed
    /// batch and everything after it stay in the outbox. Errors of the outbox file itself are thrown.
    /// </summary>
    public async Task<ForwardResult> ForwardAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        var rejected = 0;

        while (true)
        {
            var entries = await outbox.PeekAsync(MaxEntriesPerPublish, cancellationToken);
            if (entries.Count == 0)
            {
                return Succeeded(published, rejected, 0);
            }

            var result = await publisher.PublishAsync(entries, cancellationToken);

            // Confirmed batches are deleted before the failure is looked at, so they are not sent again.
            await outbox.DeleteAsync(result.Confirmed, cancellationToken);
            published += result.Confirmed.Count;
            if (result.Confirmed.Count > 0)
            {
                RelayLog.Published(logger, result.Confirmed.Min(), result.Confirmed.Max(), result.Confirmed.Count, publisher.Kind);
            }

            foreach (var rejection in result.Rejected)
            {
                await outbox.RejectAsync(rejection.Sequence, rejection.StatusCode, rejection.Message, cancellationToken);
                var total = Interlocked.Increment(ref _rejectedTotal);
                RelayLog.BatchRejected(logger, rejection.Sequence, rejection.BatchId, rejection.StatusCode, total, rejection.Message);
                rejected++;
            }

            if (result.Failure is not null)
            {
                var depth = await outbox.CountAsync(cancellationToken);
                _consecutiveFailures++;
                var handled = result.Confirmed.Concat(result.Rejected.Select(r => r.Sequence)).ToHashSet();
                var failedSequence = entries.First(e => !handled.Contains(e.Sequence)).Sequence;
                return new ForwardResult(published, rejected, depth, result.Failure, failedSequence);
            }

            if (result.Confirmed.Count + result.Rejected.Count == 0)
            {
                // A publisher that handled nothing and reported no failure would loop forever; stop here.
                var depth = await outbox.CountAsync(cancellationToken);
                return Succeeded(published, rejected, depth);
            }
        }
    }

    private ForwardResult Succeeded(int published, int rejected, long depth)
    {
        if (_consecutiveFailures > 0)
        {
            RelayLog.PublishRecovered(logger, _consecutiveFailures, depth);
            _consecutiveFailures = 0;
        }

        return new ForwardResult(published, rejected, depth, null, null);
    }
}
