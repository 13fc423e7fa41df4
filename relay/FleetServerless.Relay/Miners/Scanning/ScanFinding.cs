namespace FleetServerless.Relay.Miners.Scanning;

/// <summary>One miner API found by a scan.</summary>
public sealed record ScanFinding
{
    public required string Address { get; init; }

    public required int Port { get; init; }

    /// <summary><see cref="MinerApis.VnishWeb"/> or <see cref="MinerApis.CgminerTcp"/>.</summary>
    public required string Api { get; init; }

    public string? Model { get; init; }

    public string? Firmware { get; init; }

    public string? Mac { get; init; }

    /// <summary>The host name the miner reports, when it reports one.</summary>
    public string? Hostname { get; init; }
}
