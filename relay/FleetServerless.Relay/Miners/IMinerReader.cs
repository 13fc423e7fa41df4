using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Miners;

/// <summary>Reads one miner once and normalizes what it reported into the telemetry contract.</summary>
public interface IMinerReader
{
    /// <summary>
    /// Reads the miner. Never throws for a miner-side failure: a miner that does not answer gives a sample
    /// with <see cref="MinerSample.Answered"/> false and the error. Cancellation is the caller's timeout.
    /// </summary>
    Task<MinerSample> ReadAsync(MinerOptions miner, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the id the miner was last reported under (its MAC once it has answered), so a sample the caller
    /// builds itself, after cutting a read off at its timeout, keeps the miner's identity. Default: the configured name.
    /// </summary>
    string KnownMinerId(MinerOptions miner) => miner.Name;
}
