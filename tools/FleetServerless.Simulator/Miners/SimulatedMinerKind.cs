namespace FleetServerless.Simulator.Miners;

/// <summary>The hardware and firmware a simulated miner imitates.</summary>
public enum SimulatedMinerKind
{
    /// <summary>An Antminer L7 on Vnish: scrypt, hashrate declared in MH/s, about 9,500 MH/s.</summary>
    ScryptL7,

    /// <summary>An Antminer S19j Pro on Vnish: sha256d, hashrate declared in GH/s, about 104,000 GH/s.</summary>
    Sha256S19,

    /// <summary>
    /// An Antminer L3+ on older firmware: no <c>/api/v1</c> (the web port returns 404), only the TCP API, whose
    /// <c>GHS</c> keys carry MH/s and whose <c>stats</c> has no <c>rate_unit</c>.
    /// </summary>
    TcpOnlyL3Plus,
}
