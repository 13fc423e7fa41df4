using FleetServerless.Cloud.Storage;
using FleetServerless.Cloud.Tests.Ingest;
using FleetServerless.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Rollups;

/// <summary>Rollups of a known day against values worked out by hand in the comments.</summary>
public sealed class RollupTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int hour, int minute, int second) => Day.AddHours(hour).AddMinutes(minute).AddSeconds(second);

    private static MinerSample Mining(string miner, DateTimeOffset at, double hashrate, double power, double chip, double board) =>
        TestBatches.Sample(miner, at, hashrate, power, chipTempMaxC: chip) with { BoardTempMaxC = board };

    /// <summary>
    /// m01 at site-a: 10:00:00 (9 GH/s, 3400 W, chip 70, board 60), 10:00:30 (10 GH/s, 3500 W, 74, 62),
    /// 10:01:00 failure (0 H/s, 1000 W, 50, 45), 10:01:30 not answering, 11:30:00 (8 GH/s, 3300 W, 72, 61).
    /// m02 at site-a: 10:00:10 (5 GH/s, 2000 W, 80, 65). b01 at site-b: 10:02:00 (1 GH/s, 500 W, 60, 50).
    /// </summary>
    private static TelemetryBatch[] KnownDay() =>
    [
        new TelemetryBatch
        {
            SiteId = "site-a", RelayId = "relay-a", BatchId = "a-1", Sequence = 1, CreatedAt = At(12, 0, 0),
            Samples =
            [
                Mining("m01", At(10, 0, 0), 9e9, 3400, 70, 60),
                Mining("m01", At(10, 0, 30), 10e9, 3500, 74, 62),
                TestBatches.Sample("m01", At(10, 1, 0), 0, 1000, state: MinerStates.Failure, chipTempMaxC: 50) with { BoardTempMaxC = 45 },
                TestBatches.Sample("m01", At(10, 1, 30), answered: false),
                Mining("m01", At(11, 30, 0), 8e9, 3300, 72, 61),
                Mining("m02", At(10, 0, 10), 5e9, 2000, 80, 65),
            ],
        },
        new TelemetryBatch
        {
            SiteId = "site-b", RelayId = "relay-b", BatchId = "b-1", Sequence = 1, CreatedAt = At(12, 0, 0),
            Samples = [Mining("b01", At(10, 2, 0), 1e9, 500, 60, 50)],
        },
    ];

    [Fact]
    public async Task MinerHourly_MatchesHandComputedValues()
    {
        await using var services = await IngestServices.CreateAsync("rollhour");
        await services.IngestAsync(KnownDay());
        await services.Rollups.RunAsync(TestContext.Current.CancellationToken);
        var store = services.Services.GetRequiredService<RollupStore>();

        var hours = (await store.GetMinerHourlyAsync("site-a", "m01", Day, Day.AddDays(1), TestContext.Current.CancellationToken)).Items;
        var ten = hours.Single(h => h.PeriodStart == At(10, 0, 0));

        Assert.Equal(2, hours.Count);
        Assert.Equal(4, ten.SampleCount);
        Assert.Equal(3, ten.AnsweredCount);
        Assert.Equal(2, ten.MinutesAnswering);
        Assert.Equal(1, ten.MinutesMining);
        Assert.Equal(0, ten.HashrateMinHps);
        Assert.Equal(10e9, ten.HashrateMaxHps);
        Assert.Equal(19e9 / 3, ten.HashrateMeanHps!.Value, precision: 3);
        Assert.Equal(1000, ten.PowerMinWatts);
        Assert.Equal(3500, ten.PowerMaxWatts);
        Assert.Equal(7900.0 / 3, ten.PowerMeanWatts!.Value, precision: 6);
        Assert.Equal(50, ten.ChipTempMinC);
        Assert.Equal(74, ten.ChipTempMaxC);
        Assert.Equal(194.0 / 3, ten.ChipTempMeanC!.Value, precision: 6);
        Assert.Equal(45, ten.BoardTempMinC);
        Assert.Equal(62, ten.BoardTempMaxC);
        Assert.Equal(167.0 / 3, ten.BoardTempMeanC!.Value, precision: 6);
    }

    [Fact]
    public async Task MinerDaily_CombinesHoursExactly()
    {
        await using var services = await IngestServices.CreateAsync("rollday");
        await services.IngestAsync(KnownDay());
        await services.Rollups.RunAsync(TestContext.Current.CancellationToken);
        var store = services.Services.GetRequiredService<RollupStore>();

        var day = Assert.Single((await store.GetMinerDailyAsync("site-a", "m01", Day, Day.AddDays(1), TestContext.Current.CancellationToken)).Items);

        Assert.Equal(1440, day.PeriodMinutes);
        Assert.Equal(5, day.SampleCount);
        Assert.Equal(4, day.AnsweredCount);
        Assert.Equal(3, day.MinutesAnswering);
        Assert.Equal(2, day.MinutesMining);
        Assert.Equal(0, day.HashrateMinHps);
        Assert.Equal(10e9, day.HashrateMaxHps);
        Assert.Equal(6.75e9, day.HashrateMeanHps!.Value, precision: 3);
        Assert.Equal(2800, day.PowerMeanWatts!.Value, precision: 6);
        Assert.Equal(66.5, day.ChipTempMeanC!.Value, precision: 6);
        Assert.Equal(74, day.ChipTempMaxC);
    }

    [Fact]
    public async Task Fleet5m_PerSiteAndAllSites_MatchHandComputedValues()
    {
        await using var services = await IngestServices.CreateAsync("rollfleet");
        await services.IngestAsync(KnownDay());
        await services.Rollups.RunAsync(TestContext.Current.CancellationToken);
        var store = services.Services.GetRequiredService<RollupStore>();
        var token = TestContext.Current.CancellationToken;

        // Site a, bucket 10:00: minute 10:00 totals 9.5 + 5 GH/s and 3450 + 2000 W; minute 10:01 totals 0 H/s and 1000 W.
        var siteA = (await store.GetFleet5mAsync("site-a", Day, Day.AddDays(1), token)).Items;
        var a10 = siteA.Single(r => r.PeriodStart == At(10, 0, 0));
        Assert.Equal(2, siteA.Count);
        Assert.Equal(2, a10.MinersReporting);
        Assert.Equal(2, a10.MinersAnswering);
        Assert.Equal(2, a10.MinersMining);
        Assert.Equal(3, a10.MinutesAnswering);
        Assert.Equal(2, a10.MinutesMining);
        Assert.Equal(0, a10.HashrateMinHps);
        Assert.Equal(14.5e9, a10.HashrateMaxHps);
        Assert.Equal(7.25e9, a10.HashrateMeanHps!.Value, precision: 3);
        Assert.Equal(1000, a10.PowerMinWatts);
        Assert.Equal(5450, a10.PowerMaxWatts);
        Assert.Equal(3225, a10.PowerMeanWatts!.Value, precision: 6);
        Assert.Equal(80, a10.ChipTempMaxC);
        Assert.Equal(65, a10.BoardTempMaxC);

        // All sites add site b's minute 10:02: 1 GH/s and 500 W.
        var all10 = (await store.GetFleet5mAsync(null, Day, Day.AddDays(1), token)).Items.Single(r => r.PeriodStart == At(10, 0, 0));
        Assert.Null(all10.SiteId);
        Assert.Equal(3, all10.MinersReporting);
        Assert.Equal(500, all10.PowerMinWatts);
        Assert.Equal(15.5e9 / 3, all10.HashrateMeanHps!.Value, precision: 3);
        Assert.Equal(6950.0 / 3, all10.PowerMeanWatts!.Value, precision: 6);
    }

    [Fact]
    public async Task Rebuild_GivesTheSameRows()
    {
        await using var services = await IngestServices.CreateAsync("rollagain");
        await services.IngestAsync(KnownDay());
        await services.Rollups.RunAsync(TestContext.Current.CancellationToken);
        var first = await DumpRollupsAsync(services);

        await services.Rollups.RebuildHourAsync(At(10, 0, 0), TestContext.Current.CancellationToken);
        await services.Rollups.RebuildHourAsync(At(11, 0, 0), TestContext.Current.CancellationToken);
        await services.IngestAsync(KnownDay());
        await services.Rollups.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(first, await DumpRollupsAsync(services));
        Assert.Empty(await services.Tables.DumpAsync(TableNames.RollupsPending));
    }

    [Fact]
    public async Task Retention_DeletesOldRawAndOldRollupsOnly()
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        await using var services = await IngestServices.CreateAsync("retention", now,
            [new("Retention:RawSamplesDays", "30"), new("Retention:RollupDays", "35")]);
        var token = TestContext.Current.CancellationToken;
        var days = new[] { -40, -33, -1 }.Select(d => now.AddDays(d)).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            await services.IngestAsync(TestBatches.Cycle(i + 1, minerCount: 2, start: days[i]));
            await services.Rollups.RebuildHourAsync(days[i], token);
        }

        var (rawDeleted, rollupsDeleted) = await services.Retention.RunAsync(token);
        var again = await services.Retention.RunAsync(token);
        var samples = services.Services.GetRequiredService<SampleStore>();
        var rollups = services.Services.GetRequiredService<RollupStore>();

        Assert.Equal(4, rawDeleted);
        Assert.Equal(2, rollupsDeleted);
        Assert.Equal((0, 0), again);
        Assert.Empty((await samples.GetSamplesAsync("site-a", "m01", days[0].AddHours(-1), days[1].AddHours(1), token)).Items);
        Assert.Single((await samples.GetSamplesAsync("site-a", "m01", days[2].AddHours(-1), days[2].AddHours(1), token)).Items);
        Assert.Empty((await rollups.GetMinerHourlyAsync("site-a", "m01", days[0].AddHours(-1), days[0].AddHours(1), token)).Items);
        Assert.Empty((await rollups.GetFleet5mAsync("site-a", days[0].AddHours(-1), days[0].AddHours(1), token)).Items);
        Assert.Single((await rollups.GetMinerHourlyAsync("site-a", "m01", days[1].AddHours(-1), days[1].AddHours(1), token)).Items);
        Assert.Single((await rollups.GetMinerHourlyAsync("site-a", "m01", days[2].AddHours(-1), days[2].AddHours(1), token)).Items);
    }

    private static async Task<List<string>> DumpRollupsAsync(IngestServices services)
    {
        var rows = new List<string>();
        foreach (var table in new[] { TableNames.RollupsMinerHourly, TableNames.RollupsMinerDaily, TableNames.RollupsFleet5m })
        {
            rows.AddRange((await services.Tables.DumpAsync(table)).Select(r => table + ":" + r));
        }

        return rows;
    }
}
