namespace FleetServerless.Simulator.Miners;

/// <summary>
/// The values a simulated miner reports at this moment, so tests and the demo can assert exact results.
/// Hashrates are given in the unit the miner declares and in H/s, converted as <c>value × unit factor</c>.
/// </summary>
/// <remarks>
/// Hashrates are multiples of 1/8 of the declared unit, so they and their sums are exact in binary floating point.
/// When <see cref="IsStarting"/> is true the miner reports no hashrate, power or boards, and these values show what
/// it will report once started.
/// </remarks>
public sealed record MinerExpectation
{
    public required string Name { get; init; }

    /// <summary>The web API address, <c>127.0.0.1:port</c>.</summary>
    public required string Host { get; init; }

    /// <summary>The TCP API port, or null when the miner has no TCP API.</summary>
    public int? TcpPort { get; init; }

    /// <summary>The MAC address, upper-case hexadecimal with colons; null for a miner without the web API.</summary>
    public string? Mac { get; init; }

    public required SimulatedMinerKind Kind { get; init; }

    /// <summary>The pretty model name, as in <c>/info.miner</c>: <c>Antminer L7</c>.</summary>
    public required string Model { get; init; }

    public required string FirmwareVersion { get; init; }

    /// <summary><c>scrypt</c> or <c>sha256d</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The declared hashrate unit: <c>MH/s</c> or <c>GH/s</c>.</summary>
    public required string HashrateUnit { get; init; }

    /// <summary>The factor from <see cref="HashrateUnit"/> to H/s.</summary>
    public required double HashrateUnitFactor { get; init; }

    public required double HashrateRealtime { get; init; }

    public required double HashrateAverage { get; init; }

    public required double HashrateNominal { get; init; }

    public required double HashrateRealtimeHps { get; init; }

    public required double HashrateAverageHps { get; init; }

    public required double HashrateNominalHps { get; init; }

    public required int PowerWatts { get; init; }

    public required int ChipTempMaxC { get; init; }

    public required int ChipTempMinC { get; init; }

    public required int BoardTempMaxC { get; init; }

    public required int BoardTempMinC { get; init; }

    public required int FanDutyPercent { get; init; }

    public required long HardwareErrors { get; init; }

    /// <summary>The uptime the miner reports; its text form has minute resolution, so this is a whole minute.</summary>
    public required long UptimeSeconds { get; init; }

    /// <summary>The uptime as <c>/info.system.uptime</c> writes it.</summary>
    public required string UptimeText { get; init; }

    /// <summary>The firmware's <c>miner_state</c>.</summary>
    public required string State { get; init; }

    public string? StateDescription { get; init; }

    public required bool IsStarting { get; init; }

    /// <summary>The active autotune preset's label, such as <c>3250 watt ~ 9500 MH</c>.</summary>
    public string? Preset { get; init; }

    public required IReadOnlyList<BoardExpectation> Boards { get; init; }

    /// <summary>Fans; empty on a hydro unit.</summary>
    public required IReadOnlyList<FanExpectation> Fans { get; init; }

    /// <summary>User pools only; the developer-fee pool the miner also lists is not counted.</summary>
    public required int UserPoolCount { get; init; }
}
