using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>Normalization of TCP API payload files.</summary>
public sealed class CgminerNormalizerTests
{
    private static MinerSample Normalize(CgminerReplies replies) =>
        CgminerNormalizer.Normalize(Payloads.Miner, replies, Payloads.CollectedAt);

    [Fact]
    public void L7Payload_NormalizesEveryField()
    {
        var sample = Normalize(Payloads.Cgminer("cgminer-l7"));

        Assert.True(sample.Answered);
        Assert.Equal(MinerApis.CgminerTcp, sample.Api);
        Assert.Equal("rig01", sample.MinerId);
        Assert.Equal("Antminer L7", sample.Model);
        Assert.Equal("Vnish 1.2.6", sample.Firmware);
        Assert.Equal("scrypt", sample.Algorithm);
        Assert.Equal(MinerStates.Mining, sample.State);
        Assert.Equal(9490.0e6, sample.HashrateAverageHps);
        Assert.Equal(9500.0e6, sample.HashrateNominalHps);
        Assert.Equal(184440, sample.UptimeSeconds);
        Assert.Equal(12, sample.HardwareErrors);
        Assert.Equal(72, sample.ChipTempMaxC);
        Assert.Equal(60, sample.BoardTempMaxC);
        Assert.Equal(4, sample.Fans!.Count);
        Assert.Equal(3, sample.Boards!.Count);
        Assert.Equal(3170.5e6, sample.Boards[0].HashrateRealtimeHps);
        Assert.Equal(["stratum+tcp://pool.example:3333", "stratum+tcp://backup.example:443"], sample.Pools!.Select(p => p.Url));
        Assert.Equal("active", sample.Pools![0].Status);
        Assert.Equal("working", sample.Pools![1].Status);
        Assert.Null(sample.Problems);
    }

    [Fact]
    public void SameMiner_WebAndTcp_GiveSameHashrate()
    {
        var web = VnishNormalizer.Normalize(Payloads.Miner, Payloads.Vnish("vnish-1.2.6-l7"), Payloads.CollectedAt);
        var tcp = Normalize(Payloads.Cgminer("cgminer-l7"));

        Assert.Equal(web.HashrateRealtimeHps, tcp.HashrateRealtimeHps);
        Assert.Equal(web.HashrateAverageHps, tcp.HashrateAverageHps);
        Assert.Equal(web.HashrateNominalHps, tcp.HashrateNominalHps);
        Assert.Equal(web.Boards!.Select(b => b.HashrateRealtimeHps), tcp.Boards!.Select(b => b.HashrateRealtimeHps));
    }

    [Fact]
    public void GhsKeys_OnScryptMiner_AreMhs()
    {
        // Known bug: the summary keys are named GHS on every model; an L3+ at 504 MH/s was shown at 504 GH/s.
        var sample = Normalize(Payloads.Cgminer("cgminer-l3plus"));

        Assert.Equal(504.12e6, sample.HashrateRealtimeHps);
        Assert.Equal(503.5e6, sample.HashrateAverageHps);
        Assert.Equal("scrypt", sample.Algorithm);
    }

    [Fact]
    public void ChainRate_AsNumberOrString_IsRead()
    {
        // Known bug: a chain_rate sent as a number where a string was expected was read as no hashrate.
        var numbers = Normalize(Payloads.Cgminer("cgminer-l7"));
        var strings = Normalize(Payloads.Cgminer("cgminer-l3plus"));

        Assert.All(numbers.Boards!, b => Assert.NotNull(b.HashrateRealtimeHps));
        Assert.All(strings.Boards!, b => Assert.Equal(126.03e6, b.HashrateRealtimeHps));
    }

    [Fact]
    public void L3Plus_EmptyChainSlotIsNoBoard()
    {
        var sample = Normalize(Payloads.Cgminer("cgminer-l3plus"));

        Assert.Equal([1, 2, 3, 4], sample.Boards!.Select(b => b.Id));
    }

    [Fact]
    public void ChainAcs_CountsGoodAndBadChips()
    {
        var sample = Normalize(Payloads.Cgminer("cgminer-l3plus"));

        var board = sample.Boards![3];
        Assert.Equal(72, board.ChipCount);
        Assert.Equal(71, board.ChipsGrey);
        Assert.Equal(1, board.ChipsRed);
    }

    [Fact]
    public void Fans_OffsetSlotsAreDetected()
    {
        var sample = Normalize(Payloads.Cgminer("cgminer-l3plus"));

        Assert.Equal([3600.0, 3720.0], sample.Fans!.Select(f => f.Rpm!.Value));
        Assert.All(sample.Fans!, f => Assert.Equal("ok", f.Status));
    }

    [Fact]
    public void Temperatures_ChipIsTheHotterSensor()
    {
        // temp and temp2 are swapped between firmware lines; the chip sensor reads hotter than the PCB.
        var sample = Normalize(Payloads.Cgminer("cgminer-l3plus"));

        Assert.Equal(64, sample.ChipTempMaxC);
        Assert.Equal(61, sample.ChipTempMinC);
        Assert.Equal(52, sample.BoardTempMaxC);
    }

    [Fact]
    public void StatsMissing_UnknownUnitLeavesHashrateNull()
    {
        var replies = Payloads.Cgminer("cgminer-l7") with { Stats = null };

        var sample = Normalize(replies);

        Assert.Null(sample.HashrateRealtimeHps);
        Assert.Equal(12, sample.HardwareErrors);
        Assert.Contains(sample.Problems!, p => p.StartsWith("stats", StringComparison.Ordinal));
    }

    [Fact]
    public void PaddedNumericString_IsRead()
    {
        var sample = Normalize(Payloads.Cgminer("cgminer-l7"));

        // The payload sends "GHS av" as "  9490.0000".
        Assert.Equal(9490.0e6, sample.HashrateAverageHps);
    }
}
