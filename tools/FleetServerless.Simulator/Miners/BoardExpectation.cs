namespace FleetServerless.Simulator.Miners;

/// <summary>What one simulated board reports; hashrates in the miner's declared unit and in H/s.</summary>
public sealed record BoardExpectation
{
    public required int Id { get; init; }

    /// <summary><c>mining</c>, or <c>failure</c> on the failed board.</summary>
    public required string State { get; init; }

    public string? Description { get; init; }

    /// <summary>Realtime hashrate in the miner's declared unit.</summary>
    public required double HashrateRealtime { get; init; }

    public required double HashrateNominal { get; init; }

    public required double HashrateRealtimeHps { get; init; }

    public required double HashrateNominalHps { get; init; }

    public required int ChipCount { get; init; }

    public required int ChipsGrey { get; init; }

    public required int ChipsOrange { get; init; }

    public required int ChipsRed { get; init; }

    public required int ChipTempMaxC { get; init; }

    public required int ChipTempMinC { get; init; }

    public required int BoardTempMaxC { get; init; }

    public required int BoardTempMinC { get; init; }

    /// <summary>Inlet water temperature on a hydro unit, else null.</summary>
    public int? InletWaterTempC { get; init; }

    public int? OutletWaterTempC { get; init; }

    /// <summary>Chip frequency in MHz, as the firmware sends it.</summary>
    public required double FrequencyMhz { get; init; }

    /// <summary>Board voltage in mV, as the firmware sends it.</summary>
    public required int VoltageMillivolts { get; init; }

    public required int PowerWatts { get; init; }

    public required int HardwareErrors { get; init; }
}
