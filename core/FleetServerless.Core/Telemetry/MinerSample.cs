namespace FleetServerless.Core.Telemetry;

/// <summary>
/// What one miner reported in one poll, in SI units. A value the miner did not report is null, never zero.
/// </summary>
public sealed record MinerSample
{
    /// <summary>The MAC address from the miner's info endpoint when it has one, else the configured name.</summary>
    public required string MinerId { get; init; }

    /// <summary>The address the relay polled, as configured (host or host:port).</summary>
    public required string Host { get; init; }

    /// <summary>When the relay finished reading the miner, UTC.</summary>
    public required DateTimeOffset CollectedAt { get; init; }

    /// <summary>Whether the miner answered at all; false means every reading below is null.</summary>
    public required bool Answered { get; init; }

    /// <summary>Why the miner could not be read, when it could not.</summary>
    public string? Error { get; init; }

    /// <summary>The API the sample came from: <c>vnish-web</c> or <c>cgminer-tcp</c>.</summary>
    public string? Api { get; init; }

    public string? Model { get; init; }

    public string? Firmware { get; init; }

    /// <summary>The hashing algorithm, lower case: <c>scrypt</c> or <c>sha256d</c>.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The miner's state as the firmware names it (<see cref="MinerStates"/>).</summary>
    public string? State { get; init; }

    /// <summary>The firmware's text for the state, such as the reason of a failure.</summary>
    public string? StateDescription { get; init; }

    public double? HashrateRealtimeHps { get; init; }

    public double? HashrateAverageHps { get; init; }

    /// <summary>The hashrate the miner is tuned for.</summary>
    public double? HashrateNominalHps { get; init; }

    public double? PowerWatts { get; init; }

    public double? ChipTempMaxC { get; init; }

    public double? ChipTempMinC { get; init; }

    public double? BoardTempMaxC { get; init; }

    public double? BoardTempMinC { get; init; }

    public double? FanDutyPercent { get; init; }

    public long? HardwareErrors { get; init; }

    public double? UptimeSeconds { get; init; }

    /// <summary>The active autotune preset label, as the firmware shows it.</summary>
    public string? Preset { get; init; }

    /// <summary>Fans; an empty list on a hydro or immersion unit is not a fault.</summary>
    public IReadOnlyList<FanSample>? Fans { get; init; }

    public IReadOnlyList<BoardSample>? Boards { get; init; }

    /// <summary>User pools only: developer-fee and refund pools are left out.</summary>
    public IReadOnlyList<PoolSample>? Pools { get; init; }

    /// <summary>Fields the miner sent but the relay could not read, each with the reason.</summary>
    public IReadOnlyList<string>? Problems { get; init; }
}
