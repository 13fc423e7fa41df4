using FleetServerless.Core.Telemetry;

namespace FleetServerless.Core.Tests.Alerts;

/// <summary>Samples of an L7-like scrypt miner (9,500 MH/s, three boards, four fans) for alert tests.</summary>
internal static class AlertSamples
{
    public const double NominalHps = 9_500e6;

    public static MinerSample Mining(string minerId, DateTimeOffset at, double chipTempC = 70, double hashrateHps = NominalHps) => new()
    {
        MinerId = minerId,
        Host = $"127.0.0.{HostOctet(minerId)}",
        CollectedAt = at,
        Answered = true,
        Api = "vnish-web",
        Model = "Antminer L7",
        Algorithm = "scrypt",
        State = MinerStates.Mining,
        HashrateRealtimeHps = hashrateHps,
        HashrateAverageHps = hashrateHps,
        HashrateNominalHps = NominalHps,
        PowerWatts = 3_420,
        ChipTempMaxC = chipTempC,
        BoardTempMaxC = 60,
        Fans = [.. Enumerable.Range(0, 4).Select(i => new FanSample { Id = i, Rpm = 4800, Status = "ok" })],
        Boards = [.. Enumerable.Range(1, 3).Select(i => new BoardSample
        {
            Id = i,
            State = "mining",
            ChipTempMaxC = chipTempC,
            BoardTempMaxC = 60,
            ChipsRed = 0,
            HashrateRealtimeHps = hashrateHps / 3,
        })],
        Pools = [new PoolSample { Url = "stratum+tcp://pool.example:3333", User = "acct.rig", Status = "active" }],
    };

    public static MinerSample NotAnswering(string minerId, DateTimeOffset at) => new()
    {
        MinerId = minerId,
        Host = $"127.0.0.{HostOctet(minerId)}",
        CollectedAt = at,
        Answered = false,
        Error = "connection refused",
    };

    /// <summary>Answering, but not hashing: the state a miner shows while it starts after a power cut.</summary>
    public static MinerSample AnsweringNotHashing(string minerId, DateTimeOffset at, string state = MinerStates.Starting) =>
        Mining(minerId, at) with { State = state, HashrateRealtimeHps = 0, HashrateAverageHps = 0, Boards = [] };

    public static TelemetryBatch Batch(string siteId, string relayId, long sequence, DateTimeOffset at, params MinerSample[] samples) => new()
    {
        SiteId = siteId,
        RelayId = relayId,
        BatchId = $"{relayId}-{sequence}",
        Sequence = sequence,
        CreatedAt = at,
        Samples = samples,
    };

    private static int HostOctet(string minerId) => 2 + (Math.Abs(StringComparer.Ordinal.GetHashCode(minerId)) % 250);
}
