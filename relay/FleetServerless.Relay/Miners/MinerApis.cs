namespace FleetServerless.Relay.Miners;

/// <summary>The names of the miner APIs, as <see cref="FleetServerless.Core.Telemetry.MinerSample.Api"/> carries them.</summary>
public static class MinerApis
{
    /// <summary>The Vnish JSON web API under <c>/api/v1</c>.</summary>
    public const string VnishWeb = "vnish-web";

    /// <summary>The CGMiner-style TCP API (port 4028 by default).</summary>
    public const string CgminerTcp = "cgminer-tcp";
}
