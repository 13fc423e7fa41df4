namespace FleetServerless.Simulator.Miners;

/// <summary>The fixed traits of a miner kind that the simulator derives every reported value from.</summary>
internal sealed record MinerProfile
{
    public required string Model { get; init; }

    /// <summary>The model code in <c>/info.model</c> (the schema's series are <c>l7</c>, <c>l9</c>, <c>x19</c>, <c>x21</c>).</summary>
    public required string ModelCode { get; init; }

    public required string Algorithm { get; init; }

    public required string HashrateUnit { get; init; }

    public required double HashrateUnitFactor { get; init; }

    /// <summary>Nominal hashrate per board, in the declared unit.</summary>
    public required double[] BoardNominal { get; init; }

    /// <summary>Realtime hashrate per board before the per-miner variation, in the declared unit.</summary>
    public required double[] BoardRealtime { get; init; }

    /// <summary>The per-board change of realtime hashrate for each step of per-miner variation.</summary>
    public required double VariationStep { get; init; }

    /// <summary>How far the average hashrate sits below the realtime one.</summary>
    public required double AverageBelowRealtime { get; init; }

    public required int ChipsPerBoard { get; init; }

    public required double FrequencyMhz { get; init; }

    public required int VoltageMillivolts { get; init; }

    public required int PowerWatts { get; init; }

    public required int FanCount { get; init; }

    public required string PresetName { get; init; }

    public required string PresetLabel { get; init; }

    public static MinerProfile For(SimulatedMinerKind kind) => kind switch
    {
        SimulatedMinerKind.ScryptL7 => ScryptL7,
        SimulatedMinerKind.Sha256S19 => Sha256S19,
        SimulatedMinerKind.TcpOnlyL3Plus => TcpOnlyL3Plus,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown simulated miner kind."),
    };

    private static readonly MinerProfile ScryptL7 = new()
    {
        Model = "Antminer L7",
        ModelCode = "l7",
        Algorithm = "scrypt",
        HashrateUnit = "MH/s",
        HashrateUnitFactor = 1e6,
        BoardNominal = [3166.5, 3166.5, 3167.0],
        BoardRealtime = [3166.5, 3166.0, 3167.5],
        VariationStep = 0.5,
        AverageBelowRealtime = 2.5,
        ChipsPerBoard = 120,
        FrequencyMhz = 500.0,
        VoltageMillivolts = 1380,
        PowerWatts = 3420,
        FanCount = 4,
        PresetName = "3250",
        PresetLabel = "3250 watt ~ 9500 MH",
    };

    private static readonly MinerProfile Sha256S19 = new()
    {
        Model = "Antminer S19j Pro",
        ModelCode = "x19",
        Algorithm = "sha256d",
        HashrateUnit = "GH/s",
        HashrateUnitFactor = 1e9,
        BoardNominal = [34666.5, 34666.5, 34667.0],
        BoardRealtime = [34666.5, 34666.0, 34667.5],
        VariationStep = 12.5,
        AverageBelowRealtime = 50,
        ChipsPerBoard = 126,
        FrequencyMhz = 525.0,
        VoltageMillivolts = 13600,
        PowerWatts = 3050,
        FanCount = 4,
        PresetName = "3050",
        PresetLabel = "3050 watt ~ 104 TH",
    };

    private static readonly MinerProfile TcpOnlyL3Plus = new()
    {
        Model = "Antminer L3+",
        ModelCode = "l3",
        Algorithm = "scrypt",
        HashrateUnit = "MH/s",
        HashrateUnitFactor = 1e6,
        BoardNominal = [126.0, 126.0, 126.0, 126.0],
        BoardRealtime = [126.0, 126.0, 126.0, 126.0],
        VariationStep = 0.125,
        AverageBelowRealtime = 0.5,
        ChipsPerBoard = 72,
        FrequencyMhz = 384.0,
        VoltageMillivolts = 0,
        PowerWatts = 800,
        FanCount = 2,
        PresetName = "",
        PresetLabel = "",
    };
}
