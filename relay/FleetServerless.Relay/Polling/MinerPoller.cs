using System.Collections.Concurrent;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Logging;
using FleetServerless.Relay.Miners;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Relay.Polling;

/// <summary>
/// Reads every configured miner once, at most <see cref="RelayOptions.MaxParallelPolls"/> at a time, each within
/// <see cref="RelayOptions.MinerTimeout"/>.
/// </summary>
/// <remarks>
/// A miner that does not respond in time gets a sample with <see cref="MinerSample.Answered"/> false, even when its
/// reader ignores cancellation, so one hanging miner delays the cycle by at most one timeout.
/// </remarks>
public sealed class MinerPoller(
    IMinerReader reader, IOptions<RelayOptions> options, TimeProvider timeProvider, ILogger<MinerPoller> logger)
{
    /// <summary>Maximum miner names listed in the per-cycle warning about miners that did not respond.</summary>
    private const int MaxNamesInSummary = 5;

    private readonly ConcurrentDictionary<string, bool> _answeredLastTime = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Polls the miners and returns one sample per miner, in the configured order.</summary>
    public async Task<IReadOnlyList<MinerSample>> PollAsync(IReadOnlyList<MinerOptions> miners, CancellationToken cancellationToken)
    {
        var relay = options.Value;
        var samples = new MinerSample[miners.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = relay.MaxParallelPolls,
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(Enumerable.Range(0, miners.Count), parallel, async (index, token) =>
        {
            samples[index] = await PollOneAsync(miners[index], relay, token);
        });

        return samples;
    }

    /// <summary>Logs the miners that started or stopped responding, plus one summary line for the cycle.</summary>
    public void LogOutcome(long sequence, IReadOnlyList<MinerOptions> miners, IReadOnlyList<MinerSample> samples)
    {
        var siteId = options.Value.SiteId;
        var failed = new List<string>();
        for (var i = 0; i < miners.Count; i++)
        {
            var miner = miners[i];
            var sample = samples[i];
            var answeredBefore = _answeredLastTime.TryGetValue(miner.Name, out var before) ? before : (bool?)null;
            _answeredLastTime[miner.Name] = sample.Answered;

            if (sample.Answered)
            {
                if (answeredBefore == false)
                {
                    RelayLog.MinerAnsweringAgain(logger, miner.Name, miner.Host, siteId);
                }

                continue;
            }

            failed.Add(miner.Name);
            if (answeredBefore != false)
            {
                RelayLog.MinerStoppedAnswering(logger, miner.Name, miner.Host, siteId, sample.Error);
            }
            else
            {
                RelayLog.MinerNotAnswering(logger, miner.Name, miner.Host, siteId, sample.Error);
            }
        }

        if (failed.Count > 0)
        {
            var names = string.Join(", ", failed.Take(MaxNamesInSummary)) + (failed.Count > MaxNamesInSummary ? ", ..." : "");
            RelayLog.MinersNotAnswering(logger, sequence, siteId, failed.Count, miners.Count, names);
        }
    }

    private async Task<MinerSample> PollOneAsync(MinerOptions miner, RelayOptions relay, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(relay.MinerTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            // WaitAsync returns at the timeout even when the reader ignores its token.
            return await reader.ReadAsync(miner, linked.Token).WaitAsync(relay.MinerTimeout, timeProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Unanswered(miner, $"timed out after {relay.MinerTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A reader should report miner-side failures in the sample; a thrown error still yields a sample.
            return Unanswered(miner, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private MinerSample Unanswered(MinerOptions miner, string error) => new()
    {
        // The MAC once the miner has answered, so a timed-out miner keeps its identity in the cloud.
        MinerId = reader.KnownMinerId(miner),
        Host = miner.Host,
        CollectedAt = timeProvider.GetUtcNow(),
        Answered = false,
        Error = error,
    };
}
