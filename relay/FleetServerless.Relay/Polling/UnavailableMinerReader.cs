using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Miners;

namespace FleetServerless.Relay.Polling;

/// <summary>A stand-in reader that reports every miner as not answering, used until the real readers are registered.</summary>
internal sealed class UnavailableMinerReader(TimeProvider timeProvider) : IMinerReader
{
    public Task<MinerSample> ReadAsync(MinerOptions miner, CancellationToken cancellationToken) =>
        Task.FromResult(new MinerSample
        {
            MinerId = miner.Name,
            Host = miner.Host,
            CollectedAt = timeProvider.GetUtcNow(),
            Answered = false,
            Error = "no miner reader is registered in this build",
        });
}
