namespace FleetServerless.Relay.Miners;

/// <summary>What the relay learned about one miner: the API that responded, failures since, and the id it reported.</summary>
internal sealed class MinerDetectionState
{
    /// <summary><see cref="MinerApis.VnishWeb"/>, <see cref="MinerApis.CgminerTcp"/>, or null while not detected.</summary>
    public string? Api { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>The MAC-based id last reported, kept so a miner that stops responding keeps its id.</summary>
    public string? LastMinerId { get; set; }
}
