using FleetServerless.Core.Fleet;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Core.Tests.Fleet;

public sealed class FleetMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static MinerSample Miner(string id, double? hashrate = 9.5e9, double? power = 3425, string state = MinerStates.Mining,
        bool answered = true, string algorithm = "scrypt", double? chip = 70, double? board = 60, double? nominal = 9.5e9,
        TimeSpan? age = null, IReadOnlyList<BoardSample>? boards = null) => new()
    {
        MinerId = id,
        Host = "127.0.0.2:80",
        CollectedAt = Now - (age ?? TimeSpan.FromSeconds(10)),
        Answered = answered,
        Algorithm = answered ? algorithm : null,
        State = answered ? state : null,
        HashrateRealtimeHps = answered ? hashrate : null,
        HashrateAverageHps = answered ? hashrate : null,
        HashrateNominalHps = answered ? nominal : null,
        PowerWatts = answered ? power : null,
        ChipTempMaxC = answered ? chip : null,
        BoardTempMaxC = answered ? board : null,
        Boards = boards,
    };

    [Fact]
    public void Summary_CountsTotalAnsweringMiningAndStale()
    {
        var summary = FleetMetrics.Summarize(
        [
            Miner("a"),
            Miner("b", state: MinerStates.AutoTuning),
            Miner("c", hashrate: 0),
            Miner("d", state: MinerStates.Failure),
            Miner("e", answered: false),
            Miner("f", age: TimeSpan.FromMinutes(10)),
        ], Now);

        Assert.Equal(6, summary.MinersTotal);
        Assert.Equal(4, summary.MinersAnswering);
        Assert.Equal(2, summary.MinersMining);
        Assert.Equal(1, summary.MinersStale);
        Assert.Equal(100.0 * 4 / 6, summary.ReachablePercent!.Value, precision: 9);
        Assert.Equal(100.0 * 2 / 6, summary.HashingPercent!.Value, precision: 9);
    }

    [Fact]
    public void Summary_HashrateNominalAndEfficiency()
    {
        var summary = FleetMetrics.Summarize([Miner("a", hashrate: 9e9), Miner("b", hashrate: 10e9, power: 3575)], Now);

        Assert.Equal(19e9, summary.HashrateRealtimeHps);
        Assert.Equal(19e9, summary.HashrateNominalHps);
        Assert.Equal(100, summary.NominalDeliveredPercent!.Value, precision: 9);
        Assert.Equal(19_000, summary.HashrateDisplay, precision: 9);
        Assert.Equal("MH/s", summary.HashrateDisplayUnit);
        Assert.Equal(7000, summary.PowerWatts);
        Assert.Equal(7000 / 19.0, summary.EfficiencyJoulesPerGigahash!.Value, precision: 9);
        Assert.Null(summary.EfficiencyJoulesPerTerahash);
    }

    [Fact]
    public void Summary_Sha256Miners_UseJoulesPerTerahash()
    {
        var summary = FleetMetrics.Summarize([Miner("s", hashrate: 100e12, power: 3000, algorithm: "sha256d", nominal: 110e12)], Now);

        Assert.Equal(30, summary.EfficiencyJoulesPerTerahash!.Value, precision: 9);
        Assert.Null(summary.EfficiencyJoulesPerGigahash);
        Assert.Equal("TH/s", summary.HashrateDisplayUnit);
        Assert.Equal(100 * 100e12 / 110e12, summary.NominalDeliveredPercent!.Value, precision: 9);
    }

    [Fact]
    public void Summary_UnknownPower_IsNullNotZero()
    {
        var summary = FleetMetrics.Summarize([Miner("a", power: null)], Now);

        Assert.Null(summary.PowerWatts);
        Assert.Null(summary.EfficiencyJoulesPerGigahash);
    }

    [Fact]
    public void Summary_HottestChipAndBoard_NameTheirMiner()
    {
        var summary = FleetMetrics.Summarize([Miner("a", chip: 70, board: 66), Miner("b", chip: 82, board: 61), Miner("c", chip: 82, board: 59)], Now);

        Assert.Equal(82, summary.ChipTempMaxC);
        Assert.Equal("b", summary.HottestChipMinerId);
        Assert.Equal(66, summary.BoardTempMaxC);
        Assert.Equal("a", summary.HottestBoardMinerId);
    }

    [Fact]
    public void Summary_CountsFailedBoardsAndRedChips()
    {
        var boards = new[]
        {
            new BoardSample { Id = 1, State = "mining", ChipsRed = 2 },
            new BoardSample { Id = 2, State = "failure", ChipsRed = 0 },
            new BoardSample { Id = 3, State = "disconnected" },
        };
        var summary = FleetMetrics.Summarize([Miner("a", boards: boards), Miner("b", boards: [new BoardSample { Id = 1, State = "mining", ChipsRed = 1 }])], Now);

        Assert.Equal(2, summary.BoardsFailed);
        Assert.Equal(3, summary.ChipsRed);
    }

    [Fact]
    public void Summary_NoMiners_HasNullReadings()
    {
        var summary = FleetMetrics.Summarize([], Now);

        Assert.Equal(0, summary.MinersTotal);
        Assert.Null(summary.ReachablePercent);
        Assert.Null(summary.PowerWatts);
        Assert.Null(summary.LatestSampleAt);
    }

    [Fact]
    public void SummarizeSites_SplitsPerSiteAndAddsOverall()
    {
        var report = FleetMetrics.SummarizeSites(
        [
            new SiteSample("north", Miner("a")),
            new SiteSample("south", Miner("b")),
            new SiteSample("north", Miner("c", answered: false)),
        ], Now);

        Assert.Equal(3, report.Overall.MinersTotal);
        Assert.Equal(["north", "south"], report.Sites.Select(s => s.SiteId));
        Assert.Equal(2, report.Sites[0].Summary.MinersTotal);
        Assert.Equal(1, report.Sites[0].Summary.MinersMining);
        Assert.Equal(9.5e9, report.Sites[1].Summary.HashrateRealtimeHps);
    }

    [Fact]
    public void WithUptime_DividesMinerMinutesByWindow()
    {
        var summary = FleetMetrics.Summarize([Miner("a"), Miner("b")], Now);

        var withUptime = FleetMetrics.WithUptime(summary,
            [new MinerMinutes("s", "a", 1440, 1200), new MinerMinutes("s", "b", 720, 720)], minersTotal: 2, TimeSpan.FromDays(1));

        Assert.Equal(75, withUptime.UptimeReachablePercent!.Value, precision: 9);
        Assert.Equal(100.0 * 1920 / 2880, withUptime.UptimeHashingPercent!.Value, precision: 9);
        Assert.Equal(86_400, withUptime.UptimeWindowSeconds);
    }
}
