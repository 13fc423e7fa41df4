namespace FleetServerless.Simulator.Miners;

/// <summary>
/// How one miner starts. <see cref="SimulatedFleetOptions.Configure"/> receives one per miner, filled from the fleet
/// defaults, and may change any property; most can also be changed later on the <see cref="SimulatedMiner"/>.
/// </summary>
public sealed class SimulatedMinerSetup
{
    public SimulatedMinerKind Kind { get; set; } = SimulatedMinerKind.ScryptL7;

    /// <summary>The Vnish version in <c>/info.fw_version</c>; 1.3 and later serve <c>/boards</c> instead of <c>/chains</c>.</summary>
    public string FirmwareVersion { get; set; } = "1.2.6";

    /// <summary>The name shown in <c>miner_type</c> in place of "Vnish", for white-label builds such as "7Miners".</summary>
    public string FirmwareBrand { get; set; } = "Vnish";

    /// <summary>The web API password that <c>POST /api/v1/unlock</c> accepts.</summary>
    public string Password { get; set; } = "admin";

    /// <summary>An API key accepted in <c>x-api-key</c>, or null for none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether the miner also serves the TCP API on a port of its own. Always true for <see cref="SimulatedMinerKind.TcpOnlyL3Plus"/>.</summary>
    public bool TcpApi { get; set; }

    /// <summary>Whether the TCP API accepts combined commands such as <c>summary+stats+pools</c>.</summary>
    public bool TcpAcceptsCombinedCommands { get; set; } = true;

    public TcpReplyForm TcpReplyForm { get; set; } = TcpReplyForm.Clean;

    public MinerFaults Faults { get; set; }

    /// <summary>How long every web and TCP response waits before it is sent. Default zero.</summary>
    public TimeSpan ResponseDelay { get; set; }
}
