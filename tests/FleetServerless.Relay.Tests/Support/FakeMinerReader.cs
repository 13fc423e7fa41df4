using System.Collections.Concurrent;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Miners;

namespace FleetServerless.Relay.Tests.Support;

/// <summary>
/// An <see cref="IMinerReader"/> that answers with a numbered sample per read, and hangs (ignoring cancellation)
/// or fails for the miners a test names.
/// </summary>
public sealed class FakeMinerReader : IMinerReader
{
    private readonly ConcurrentDictionary<string, int> _reads = new();

    /// <summary>Miner names whose reads never complete and ignore the cancellation token.</summary>
    public HashSet<string> Hanging { get; } = [];

    /// <summary>Miner names that report a failed read.</summary>
    public HashSet<string> Failing { get; } = [];

    public int ReadCount(string minerName) => _reads.GetValueOrDefault(minerName);

    public async Task<MinerSample> ReadAsync(MinerOptions miner, CancellationToken cancellationToken)
    {
        var count = _reads.AddOrUpdate(miner.Name, 1, (_, n) => n + 1);
        if (Hanging.Contains(miner.Name))
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }

        if (Failing.Contains(miner.Name))
        {
            return new MinerSample
            {
                MinerId = miner.Name, Host = miner.Host, CollectedAt = DateTimeOffset.UtcNow, Answered = false,
                Error = "connection refused",
            };
        }

        return new MinerSample
        {
            MinerId = miner.Name,
            Host = miner.Host,
            CollectedAt = DateTimeOffset.UtcNow,
            Answered = true,
            State = MinerStates.Mining,
            HashrateRealtimeHps = 9_500_000_000,
            PowerWatts = 3_400,
            UptimeSeconds = count,
        };
    }
}
