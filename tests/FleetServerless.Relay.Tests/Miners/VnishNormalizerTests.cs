using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>Normalization of web API payload files of both firmware lines.</summary>
public sealed class VnishNormalizerTests
{
    private static MinerSample Normalize(VnishDocuments documents) =>
        VnishNormalizer.Normalize(Payloads.Miner, documents, Payloads.CollectedAt);

    [Theory]
    [InlineData("vnish-1.2.6-l7", "Vnish 1.2.6", 184440)]
    [InlineData("vnish-1.3.4-l7", "Vnish 1.3.4", 360)]
    public void Payload_NormalizesEveryField(string folder, string firmware, double uptimeSeconds)
    {
        var sample = Normalize(Payloads.Vnish(folder));

        Assert.Equal("02:00:00:00:00:01", sample.MinerId);
        Assert.Equal("127.0.0.2", sample.Host);
        Assert.True(sample.Answered);
        Assert.Equal(MinerApis.VnishWeb, sample.Api);
        Assert.Equal("Antminer L7", sample.Model);
        Assert.Equal(firmware, sample.Firmware);
        Assert.Equal("scrypt", sample.Algorithm);
        Assert.Equal(MinerStates.Mining, sample.State);
        Assert.Equal(9512.5e6, sample.HashrateRealtimeHps);
        Assert.Equal(9490.0e6, sample.HashrateAverageHps);
        Assert.Equal(9500.0e6, sample.HashrateNominalHps);
        Assert.Equal(3420, sample.PowerWatts);
        Assert.Equal(72, sample.ChipTempMaxC);
        Assert.Equal(55, sample.ChipTempMinC);
        Assert.Equal(60, sample.BoardTempMaxC);
        Assert.Equal(45, sample.BoardTempMinC);
        Assert.Equal(60, sample.FanDutyPercent);
        Assert.Equal(12, sample.HardwareErrors);
        Assert.Equal(uptimeSeconds, sample.UptimeSeconds);
        Assert.Equal("3250 watt ~ 11500 MH", sample.Preset);
        Assert.Equal(4, sample.Fans!.Count);
        Assert.All(sample.Fans, f => Assert.Equal("ok", f.Status));
        Assert.Null(sample.Problems);
    }

    [Theory]
    [InlineData("vnish-1.2.6-l7")]
    [InlineData("vnish-1.3.4-l7")]
    public void Boards_MergedByIdNotAppended(string folder)
    {
        var sample = Normalize(Payloads.Vnish(folder));

        Assert.Equal([1, 2, 3], sample.Boards!.Select(b => b.Id));
        var board = sample.Boards![1];
        Assert.Equal("mining", board.State);
        Assert.Equal(3171.0e6, board.HashrateRealtimeHps);
        Assert.Equal(3166.5e6, board.HashrateNominalHps);
        Assert.Equal(120, board.ChipCount);
        Assert.Equal(119, board.ChipsGrey);
        Assert.Equal(1, board.ChipsOrange);
        Assert.Equal(0, board.ChipsRed);
        Assert.Equal(500e6, board.FrequencyHz);
        Assert.Equal(1.38, board.VoltageVolts);
        Assert.Equal(1140, board.PowerWatts);
        Assert.Equal(70, board.ChipTempMaxC);
        Assert.Equal(59, board.BoardTempMaxC);
    }

    [Fact]
    public void Boards_FromBoardEndpointAlone_AreRead()
    {
        var documents = Payloads.Vnish("vnish-1.3.4-l7");
        var withoutChains = documents with { Summary = Payloads.With(documents.Summary, ["miner", "chains"], "<remove>") };

        var sample = Normalize(withoutChains);

        Assert.Equal(3, sample.Boards!.Count);
        Assert.Equal(3170.5e6, sample.Boards[0].HashrateRealtimeHps);
        Assert.Equal(120, sample.Boards[0].ChipCount);
    }

    [Fact]
    public void Pools_DevFeeAndRefundLeftOut()
    {
        var sample = Normalize(Payloads.Vnish("vnish-1.2.6-l7"));

        Assert.Equal(["stratum+tcp://pool.example:3333", "stratum+tcp://backup.example:443"], sample.Pools!.Select(p => p.Url));
        var active = sample.Pools![0];
        Assert.Equal("active", active.Status);
        Assert.Equal(1234, active.Accepted);
        Assert.Equal(2, active.Rejected);
        Assert.Equal(14, active.LastShareAgeSeconds);
        Assert.Null(sample.Pools![1].LastShareAgeSeconds);
    }

    [Fact]
    public void ScryptMiner_NotThousandFold()
    {
        // Known bug: the unit taken from a key name or a GH/s default shows an L7 at 9.5 TH/s.
        var sample = Normalize(Payloads.Vnish("vnish-1.2.6-l7"));

        Assert.Equal(9512.5e6, sample.HashrateRealtimeHps);
    }

    [Fact]
    public void Sha256Miner_InGhs_IsScaledByGiga()
    {
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var sha = documents with
        {
            Info = Payloads.With(Payloads.With(documents.Info, ["hr_measure"], "\"GH/s\""), ["algorithm"], "\"sha256d\""),
        };

        var sample = Normalize(sha);

        Assert.Equal(9512.5e9, sample.HashrateRealtimeHps);
        Assert.Equal("sha256d", sample.Algorithm);
    }

    [Theory]
    [InlineData("<remove>")]
    [InlineData("\"N/A\"")]
    public void UnitMissing_LeavesHashratesUnknown(string hrMeasure)
    {
        var documents = Payloads.Vnish("vnish-1.3.4-l7");
        var sample = Normalize(documents with { Info = Payloads.With(documents.Info, ["hr_measure"], hrMeasure) });

        Assert.Null(sample.HashrateRealtimeHps);
        Assert.Null(sample.Boards![0].HashrateRealtimeHps);
        Assert.Equal(3420, sample.PowerWatts);
        Assert.Contains(sample.Problems!, p => p.StartsWith("info.hr_measure", StringComparison.Ordinal));
    }

    [Fact]
    public void FailureState_IsNotCountedAsMining()
    {
        // Known bug: miner_state "failure" still counted as mining because hashrate was reported.
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var failed = documents with
        {
            Status = Payloads.With(Payloads.With(documents.Status, ["miner_state"], "\"failure\""), ["description"], "\"Failed to parse miner configuration\""),
        };

        var sample = Normalize(failed);

        Assert.Equal(MinerStates.Failure, sample.State);
        Assert.Equal("Failed to parse miner configuration", sample.StateDescription);
        Assert.False(MinerStates.IsHashingState(sample.State));
        Assert.Equal(9512.5e6, sample.HashrateRealtimeHps);
    }

    [Fact]
    public void AutoTuning_CountsAsHashing()
    {
        // Known bug: auto-tuning counted as not mining.
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var sample = Normalize(documents with { Status = Payloads.With(documents.Status, ["miner_state"], "\"auto-tuning\"") });

        Assert.Equal(MinerStates.AutoTuning, sample.State);
        Assert.True(MinerStates.IsHashingState(sample.State));
    }

    [Fact]
    public void SummaryMinerNull_IsStartingUp()
    {
        // Known bug: summary.miner null while starting crashed the monitor.
        var documents = Payloads.Vnish("vnish-1.2.6-l7") with
        {
            Summary = Payloads.Json("""{"miner":null}"""),
            Boards = Payloads.Json("[]"),
        };
        var status = Payloads.With(documents.Status, ["miner_state"], "\"starting\"");

        var sample = Normalize(documents with { Status = status });

        Assert.True(sample.Answered);
        Assert.Equal(MinerStates.Starting, sample.State);
        Assert.Null(sample.HashrateRealtimeHps);
        Assert.Null(sample.PowerWatts);
        Assert.Empty(sample.Boards!);
        Assert.Equal("02:00:00:00:00:01", sample.MinerId);
    }

    [Fact]
    public void HydroWithoutFans_HasEmptyFanList()
    {
        // Known bug: a hydro unit with no fans raised a fan alarm.
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var sample = Normalize(documents with { Summary = Payloads.With(documents.Summary, ["miner", "cooling", "fans"], "[]") });

        Assert.NotNull(sample.Fans);
        Assert.Empty(sample.Fans!);
        Assert.DoesNotContain(MinerProbeReport.Problems(sample), p => p.Contains("fan", StringComparison.Ordinal));
    }

    [Fact]
    public void WhiteLabelMinerType_KeepsEveryOtherField()
    {
        // Known bug: unknown or white-label model strings made the parser give up on every other field.
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var info = Payloads.With(Payloads.With(documents.Info, ["miner"], "<remove>"), ["fw_version"], "<remove>");
        var summary = Payloads.With(documents.Summary, ["miner", "miner_type"], "\"Antminer T21 (7Miners 1.2.6-rc1)\"");

        var sample = Normalize(documents with { Info = info, Summary = summary });

        Assert.Equal("Antminer T21", sample.Model);
        Assert.Equal("7Miners 1.2.6-rc1", sample.Firmware);
        Assert.Equal(9512.5e6, sample.HashrateRealtimeHps);
        Assert.Equal(3, sample.Boards!.Count);
    }

    [Fact]
    public void UnknownModelText_KeepsEveryOtherField()
    {
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var summary = Payloads.With(documents.Summary, ["miner", "miner_type"], "\"Custom Rig ((beta\"");
        var info = Payloads.With(documents.Info, ["miner"], "<remove>");

        var sample = Normalize(documents with { Info = info, Summary = summary });

        Assert.Equal("Custom Rig ((beta", sample.Model);
        Assert.Equal(9512.5e6, sample.HashrateRealtimeHps);
    }

    [Fact]
    public void PresetLabel_WithUnits_IsKeptVerbatim()
    {
        // Known bug: "3250 watt ~ 11500 MH" failed a number parse.
        var sample = Normalize(Payloads.Vnish("vnish-1.2.6-l7"));

        Assert.Equal("3250 watt ~ 11500 MH", sample.Preset);
        Assert.Null(sample.Problems);
    }

    [Fact]
    public void OddField_CostsOnlyThatField()
    {
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var summary = Payloads.With(documents.Summary, ["miner", "power_consumption"], "\"about 3 kW\"");

        var sample = Normalize(documents with { Summary = summary });

        Assert.Null(sample.PowerWatts);
        Assert.Equal(9512.5e6, sample.HashrateRealtimeHps);
        Assert.Equal(3, sample.Boards!.Count);
        var problem = Assert.Single(sample.Problems!);
        Assert.StartsWith("summary.miner.power_consumption", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectForArray_CostsOneField()
    {
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var summary = Payloads.With(documents.Summary, ["miner", "pools"], """{"unexpected":true}""");

        var sample = Normalize(documents with { Summary = summary });

        Assert.Null(sample.Pools);
        Assert.Equal(9512.5e6, sample.HashrateRealtimeHps);
        Assert.Contains(sample.Problems!, p => p.StartsWith("summary.miner.pools", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingFields_StayUnknownNotZero()
    {
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var summary = Payloads.With(Payloads.With(documents.Summary, ["miner", "power_consumption"], "<remove>"), ["miner", "chip_temp"], "<remove>");

        var sample = Normalize(documents with { Summary = summary });

        Assert.Null(sample.PowerWatts);
        Assert.Null(sample.ChipTempMaxC);
        Assert.Null(sample.Problems);
    }

    [Fact]
    public void FailedBoard_CarriesItsDescription()
    {
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var summary = Payloads.With(documents.Summary, ["miner", "chains"], """
            [{"id":2,"status":{"state":"failure","description":"Failed to set start up voltage"},"hashrate_rt":0}]
            """);

        var sample = Normalize(documents with { Summary = summary, Boards = Payloads.Json("[]") });

        var board = Assert.Single(sample.Boards!);
        Assert.Equal("failure", board.State);
        Assert.Equal("Failed to set start up voltage", board.Description);
        Assert.Contains("board 2 failure: Failed to set start up voltage", MinerProbeReport.Problems(sample));
    }

    [Fact]
    public void NoMac_UsesConfiguredName()
    {
        var documents = Payloads.Vnish("vnish-1.2.6-l7");
        var info = Payloads.With(documents.Info, ["system", "network_status", "mac"], "\"\"");

        var sample = Normalize(documents with { Info = info });

        Assert.Equal("rig01", sample.MinerId);
    }
}
