namespace FleetServerless.Core.Telemetry;

/// <summary>One hashboard (chain), merged by id from every endpoint that describes it.</summary>
public sealed record BoardSample
{
    /// <summary>The board id as the miner numbers it (Vnish counts from 1).</summary>
    public required int Id { get; init; }

    /// <summary><c>mining</c>, <c>failure</c>, <c>disconnected</c> and the other firmware states.</summary>
    public string? State { get; init; }

    /// <summary>The firmware's error text for a failed board.</summary>
    public string? Description { get; init; }

    public double? HashrateRealtimeHps { get; init; }

    public double? HashrateNominalHps { get; init; }

    public double? ChipTempMaxC { get; init; }

    public double? ChipTempMinC { get; init; }

    public double? BoardTempMaxC { get; init; }

    public double? BoardTempMinC { get; init; }

    public double? InletWaterTempC { get; init; }

    public double? OutletWaterTempC { get; init; }

    public int? ChipCount { get; init; }

    public int? ChipsGrey { get; init; }

    public int? ChipsOrange { get; init; }

    public int? ChipsRed { get; init; }

    public double? FrequencyHz { get; init; }

    public double? VoltageVolts { get; init; }

    public double? PowerWatts { get; init; }

    public long? HardwareErrors { get; init; }
}
