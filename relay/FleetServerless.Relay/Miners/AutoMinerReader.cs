using System.Collections.Concurrent;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// The <see cref="IMinerReader"/> the poller calls. For <c>Api: auto</c> it detects each miner's API (the web API
/// when <c>/api/v1/info</c> returns JSON with <c>fw_name</c>, else the TCP API), caches the result, and detects again after
/// <see cref="FailuresBeforeRedetect"/> failed reads in a row. <c>Api: web</c> and <c>Api: tcp</c> skip detection.
/// </summary>
/// <remarks>
/// Thread-safe. Miner-side failures give a sample with <see cref="MinerSample.Answered"/> false. When the caller's
/// token is cancelled the read throws <see cref="OperationCanceledException"/>, and the caller records its own timeout.
/// </remarks>
public sealed class AutoMinerReader(
    VnishWebReader webReader, CgminerTcpReader tcpReader, TimeProvider timeProvider, ILogger<AutoMinerReader> logger) : IMinerReader
{
    /// <summary>Failed reads in a row after which a detected API is forgotten and detected again: 3.</summary>
    public const int FailuresBeforeRedetect = 3;

    private readonly ConcurrentDictionary<string, MinerDetectionState> _states = new(StringComparer.Ordinal);

    public async Task<MinerSample> ReadAsync(MinerOptions miner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miner);
        var state = _states.GetOrAdd(miner.Name + "\n" + miner.Host, _ => new MinerDetectionState());
        var knownId = state.LastMinerId ?? miner.Name;

        var sample = (miner.Api ?? "auto").Trim().ToLowerInvariant() switch
        {
            "web" => (await webReader.ReadOutcomeAsync(miner, knownId, cancellationToken)).Sample,
            "tcp" => (await tcpReader.ReadOutcomeAsync(miner, knownId, cancellationToken)).Sample,
            "auto" or "" => await ReadDetectedAsync(miner, state, knownId, cancellationToken),
            var other => FailedSamples.Create(miner, knownId, null,
                $"Api '{other}' is not a known setting; use auto, web or tcp.", timeProvider.GetUtcNow()),
        };

        if (sample.Answered)
        {
            state.LastMinerId = sample.MinerId;
        }
        else
        {
            MinerLog.ReadFailed(logger, miner.Name, miner.Host, sample.Error ?? "no response");
        }

        return sample;
    }

    /// <inheritdoc/>
    public string KnownMinerId(MinerOptions miner) =>
        _states.TryGetValue(miner.Name + "\n" + miner.Host, out var state) ? state.LastMinerId ?? miner.Name : miner.Name;

    /// <summary>Which API a miner was detected with, or null while it is not (or no longer) detected.</summary>
    public string? DetectedApi(MinerOptions miner) =>
        _states.TryGetValue(miner.Name + "\n" + miner.Host, out var state) ? state.Api : null;

    private async Task<MinerSample> ReadDetectedAsync(MinerOptions miner, MinerDetectionState state, string knownId, CancellationToken cancellationToken)
    {
        if (state.Api is { } api)
        {
            var outcome = api == MinerApis.VnishWeb
                ? await webReader.ReadOutcomeAsync(miner, knownId, cancellationToken)
                : await tcpReader.ReadOutcomeAsync(miner, knownId, cancellationToken);
            if (outcome.Sample.Answered)
            {
                state.ConsecutiveFailures = 0;
                return outcome.Sample;
            }

            state.ConsecutiveFailures++;
            if (state.ConsecutiveFailures >= FailuresBeforeRedetect)
            {
                MinerLog.Redetecting(logger, miner.Name, miner.Host, state.ConsecutiveFailures, api);
                state.Api = null;
                state.ConsecutiveFailures = 0;
            }

            return outcome.Sample;
        }

        var web = await webReader.ReadOutcomeAsync(miner, knownId, cancellationToken);
        if (!web.ApiAbsent)
        {
            Detected(miner, state, MinerApis.VnishWeb, web.Sample);
            return web.Sample;
        }

        var tcp = await tcpReader.ReadOutcomeAsync(miner, knownId, cancellationToken);
        if (!tcp.ApiAbsent)
        {
            Detected(miner, state, MinerApis.CgminerTcp, tcp.Sample);
            return tcp.Sample;
        }

        return tcp.Sample with { Api = null, Error = $"no API responded: {web.Sample.Error} {tcp.Sample.Error}" };
    }

    private void Detected(MinerOptions miner, MinerDetectionState state, string api, MinerSample sample)
    {
        // A web API that returned /info but failed later is still tried first next time, because only a full read fixes
        // the detected API.
        if (!sample.Answered)
        {
            return;
        }

        state.Api = api;
        state.ConsecutiveFailures = 0;
        MinerLog.ApiDetected(logger, miner.Name, miner.Host, api);
    }
}
