using FleetServerless.Core.Alerts;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Core.Tests.Alerts;

/// <summary>
/// Scenarios over simulated time: a relay batch every 30 s and the watchdog every minute, with the messages
/// each scenario must produce counted per rule and kind.
/// </summary>
public sealed class AlertScenarioTests
{
    private const string Site = "north";
    private const string Relay = "relay-1";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, Action<AlertSiteHarness>> Scripts = new()
    {
        ["temperature oscillating around the threshold"] = TemperatureOscillating,
        ["miner offline for 4 minutes"] = h => OfflineFor(h, TimeSpan.FromMinutes(4)),
        ["miner offline for 6 minutes"] = h => OfflineFor(h, TimeSpan.FromMinutes(6)),
        ["relay silent with 40 miners"] = RelaySilentWith40Miners,
        ["not mining, then answering without hashing"] = NotMiningThenStartingOnly,
        ["offline, then answering without hashing"] = OfflineThenStartingOnly,
        ["10 miners hot in one batch"] = TenMinersHot,
        ["firing for 13 hours"] = FiringFor13Hours,
    };

    /// <summary>Scenario, rule, kind of message, and how many such messages must be delivered.</summary>
    public static TheoryData<string, string, AlertEventKind, int> Expectations => new()
    {
        { "temperature oscillating around the threshold", AlertRuleIds.ChipTempHigh, AlertEventKind.Fired, 1 },
        { "temperature oscillating around the threshold", AlertRuleIds.ChipTempHigh, AlertEventKind.Resolved, 1 },
        { "temperature oscillating around the threshold", AlertRuleIds.ChipTempHigh, AlertEventKind.FlappingStarted, 0 },
        { "miner offline for 4 minutes", AlertRuleIds.MinerOffline, AlertEventKind.Fired, 0 },
        { "miner offline for 4 minutes", AlertRuleIds.MinerOffline, AlertEventKind.Resolved, 0 },
        { "miner offline for 6 minutes", AlertRuleIds.MinerOffline, AlertEventKind.Fired, 1 },
        { "miner offline for 6 minutes", AlertRuleIds.MinerOffline, AlertEventKind.Resolved, 1 },
        { "miner offline for 6 minutes", AlertRuleIds.NotMining, AlertEventKind.Fired, 0 },
        { "relay silent with 40 miners", AlertRuleIds.RelaySilent, AlertEventKind.Fired, 1 },
        { "relay silent with 40 miners", AlertRuleIds.MinerOffline, AlertEventKind.Fired, 0 },
        { "relay silent with 40 miners", AlertRuleIds.RelaySilent, AlertEventKind.Resolved, 1 },
        { "not mining, then answering without hashing", AlertRuleIds.NotMining, AlertEventKind.Fired, 1 },
        { "not mining, then answering without hashing", AlertRuleIds.NotMining, AlertEventKind.Resolved, 0 },
        { "offline, then answering without hashing", AlertRuleIds.MinerOffline, AlertEventKind.Fired, 1 },
        { "offline, then answering without hashing", AlertRuleIds.MinerOffline, AlertEventKind.Resolved, 0 },
        { "offline, then answering without hashing", AlertRuleIds.NotMining, AlertEventKind.Fired, 0 },
        { "10 miners hot in one batch", AlertRuleIds.ChipTempHigh, AlertEventKind.Fired, 1 },
        { "firing for 13 hours", AlertRuleIds.ChipTempHigh, AlertEventKind.Fired, 1 },
        { "firing for 13 hours", AlertRuleIds.ChipTempHigh, AlertEventKind.Repeated, 2 },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Scenario_DeliversExpectedMessages(string scenario, string ruleId, AlertEventKind kind, int expected)
    {
        var harness = new AlertSiteHarness(Site);

        Scripts[scenario](harness);

        var delivered = harness.NotificationsOf(ruleId).Count(n => n.Kind == kind);
        Assert.Equal(expected, delivered);
    }

    [Fact]
    public void RelaySilent_GroupedMessageNamesEveryMiner()
    {
        var harness = new AlertSiteHarness(Site);

        RelaySilentWith40Miners(harness);

        var fired = Assert.Single(harness.NotificationsOf(AlertRuleIds.RelaySilent), n => n.Kind == AlertEventKind.Fired);
        Assert.Equal(40, fired.AffectedMiners.Count);
        Assert.Contains(fired.AffectedMiners, m => m.StartsWith("rig-07 (127.0.0.", StringComparison.Ordinal));
    }

    [Fact]
    public void StormOfTenMiners_GroupsAllTenInOneMessage()
    {
        var harness = new AlertSiteHarness(Site);

        TenMinersHot(harness);

        var message = Assert.Single(harness.NotificationsOf(AlertRuleIds.ChipTempHigh));
        Assert.True(message.IsGrouped);
        Assert.Equal(10, message.Items.Count);
    }

    [Fact]
    public void StormBelowGroupSize_SendsOneMessagePerMiner()
    {
        var harness = new AlertSiteHarness(Site);

        for (var i = 0; i < 4 * 2 + 1; i++)
        {
            harness.Ingest(Relay, [.. Miners(4).Select(m => AlertSamples.Mining(m, harness.Now, chipTempC: 84))]);
            harness.Advance(Poll);
        }

        var messages = harness.NotificationsOf(AlertRuleIds.ChipTempHigh).ToList();
        Assert.Equal(4, messages.Count);
        Assert.All(messages, m => Assert.False(m.IsGrouped));
    }

    [Fact]
    public void SameBatchTwice_SecondEvaluationRaisesNothing()
    {
        var harness = new AlertSiteHarness(Site);
        var sequence = 1;
        for (var i = 0; i < 4; i++)
        {
            harness.Ingest(AlertSamples.Batch(Site, Relay, sequence++, harness.Now, AlertSamples.Mining("rig-01", harness.Now, chipTempC: 84)));
            harness.Advance(Poll);
        }

        // Two minutes after the first hot sample: this batch fires chip-temp-high.
        var firing = AlertSamples.Batch(Site, Relay, sequence, harness.Now, AlertSamples.Mining("rig-01", harness.Now, chipTempC: 84));
        var first = harness.Ingest(firing);
        var second = harness.Ingest(firing);

        Assert.Single(first.Notifications);
        Assert.Empty(second.Events);
        Assert.Empty(second.Notifications);
    }

    [Fact]
    public void MutedMiner_RecordsEventsButDeliversNothing()
    {
        var harness = new AlertSiteHarness(Site);
        harness.Mutes.Add(new AlertMute { Id = "m1", SiteId = Site, SubjectId = "rig-01", Until = harness.Now.AddHours(1) });

        for (var i = 0; i < 10; i++)
        {
            harness.Ingest(Relay, AlertSamples.Mining("rig-01", harness.Now, chipTempC: 84));
            harness.Advance(Poll);
        }

        var fired = Assert.Single(harness.Events, e => e.RuleId == AlertRuleIds.ChipTempHigh);
        Assert.Equal(AlertSuppression.Muted, fired.Suppression);
        Assert.Empty(harness.Notifications);
    }

    [Fact]
    public void MuteEnded_StillFiringAlertIsDelivered()
    {
        var harness = new AlertSiteHarness(Site);
        harness.Mutes.Add(new AlertMute { Id = "m1", SiteId = Site, Until = harness.Now.AddMinutes(10) });

        for (var i = 0; i < 30; i++)
        {
            harness.Ingest(Relay, AlertSamples.Mining("rig-01", harness.Now, chipTempC: 84));
            harness.Advance(Poll);
        }

        var message = Assert.Single(harness.NotificationsOf(AlertRuleIds.ChipTempHigh));
        Assert.Equal(AlertEventKind.Fired, message.Kind);
        Assert.True(message.OccurredAt >= harness.Mutes[0].Until);
    }

    [Fact]
    public void CriticalTemperature_HoldsTheWarningBack()
    {
        var harness = new AlertSiteHarness(Site);

        for (var i = 0; i < 10; i++)
        {
            harness.Ingest(Relay, AlertSamples.Mining("rig-01", harness.Now, chipTempC: 93));
            harness.Advance(Poll);
        }

        Assert.Single(harness.NotificationsOf(AlertRuleIds.ChipTempCritical));
        Assert.Empty(harness.NotificationsOf(AlertRuleIds.ChipTempHigh));
        Assert.True(harness.StateOf(AlertRuleIds.ChipTempHigh, "rig-01").IsActive);
    }

    [Fact]
    public void FailureState_ReportsDescriptionAndNotNotMining()
    {
        var harness = new AlertSiteHarness(Site);

        for (var i = 0; i < 14; i++)
        {
            var failed = AlertSamples.AnsweringNotHashing("rig-01", harness.Now, MinerStates.Failure) with
            {
                StateDescription = "Failed to parse miner configuration",
            };
            harness.Ingest(Relay, failed);
            harness.Advance(Poll);
        }

        var message = Assert.Single(harness.NotificationsOf(AlertRuleIds.MinerFailure));
        Assert.Equal("Failed to parse miner configuration", message.Items[0].Detail);
        Assert.Empty(harness.NotificationsOf(AlertRuleIds.NotMining));
    }

    [Fact]
    public void HydroUnitWithoutFans_RaisesNoFanAlert()
    {
        var harness = new AlertSiteHarness(Site);

        for (var i = 0; i < 10; i++)
        {
            var hydro = AlertSamples.Mining("hydro-01", harness.Now) with { Fans = [] };
            harness.Ingest(Relay, hydro);
            harness.Advance(Poll);
        }

        Assert.DoesNotContain(harness.Events, e => e.RuleId == AlertRuleIds.FanLost);
    }

    [Fact]
    public void LostFan_FiresWithTheFanNamed()
    {
        var harness = new AlertSiteHarness(Site);

        for (var i = 0; i < 4; i++)
        {
            var sample = AlertSamples.Mining("rig-01", harness.Now);
            var fans = sample.Fans!.Select(f => f.Id == 2 ? f with { Status = "lost", Rpm = 0 } : f).ToList();
            harness.Ingest(Relay, sample with { Fans = fans });
            harness.Advance(Poll);
        }

        var message = Assert.Single(harness.NotificationsOf(AlertRuleIds.FanLost));
        Assert.Equal("fan 2 lost", message.Items[0].Detail);
    }

    [Fact]
    public void HashrateDrop_FiresAgainstHourlyMedian()
    {
        var harness = new AlertSiteHarness(Site);
        for (var i = 0; i < 60; i++)
        {
            harness.Ingest(Relay, AlertSamples.Mining("rig-01", harness.Now));
            harness.Advance(Poll);
        }

        for (var i = 0; i < 25; i++)
        {
            harness.Ingest(Relay, AlertSamples.Mining("rig-01", harness.Now, hashrateHps: AlertSamples.NominalHps * 0.6));
            harness.Advance(Poll);
        }

        var message = Assert.Single(harness.NotificationsOf(AlertRuleIds.HashrateDrop));
        Assert.Equal(40, message.Items[0].Value!.Value, precision: 6);
    }

    [Fact]
    public void SequenceGap_FiresWithMissingBatches()
    {
        var harness = new AlertSiteHarness(Site);
        harness.Ingest(AlertSamples.Batch(Site, Relay, 10, harness.Now, AlertSamples.Mining("rig-01", harness.Now)));
        harness.Advance(Poll);

        harness.Ingest(AlertSamples.Batch(Site, Relay, 14, harness.Now, AlertSamples.Mining("rig-01", harness.Now)));

        var message = Assert.Single(harness.NotificationsOf(AlertRuleIds.RelaySequenceGap));
        Assert.Equal(3, message.Items[0].Value);
        Assert.Equal("batches 11 to 13 never arrived", message.Items[0].Detail);
    }

    [Fact]
    public void BacklogReplay_RaisesNoAlertForOldSamples()
    {
        var harness = new AlertSiteHarness(Site);
        var start = harness.Now;
        harness.Advance(TimeSpan.FromHours(2));

        for (var i = 0; i < 20; i++)
        {
            var at = start + (Poll * i);
            harness.Ingest(AlertSamples.Batch(Site, Relay, i + 1, at, AlertSamples.Mining("rig-01", at, chipTempC: 95)));
        }

        Assert.DoesNotContain(harness.Events, e => e.SubjectKind == AlertSubjectKind.Miner);
    }

    [Fact]
    public void NegativeProfit_FiresAfterAnHour()
    {
        var harness = new AlertSiteHarness(Site);
        var input = new SiteAlertInput { NetProfitPerDay = -1.25, Currency = "USD", PoolName = "prohashing" };

        for (var i = 0; i < 13; i++)
        {
            harness.EvaluateSite(input);
            harness.Advance(TimeSpan.FromMinutes(5));
        }

        var message = Assert.Single(harness.NotificationsOf(AlertRuleIds.ProfitNegative));
        Assert.Equal(-1.25, message.Items[0].Value);
    }

    private static void TemperatureOscillating(AlertSiteHarness harness)
    {
        // 84 °C and 78 °C in turns, three minutes each, for an hour: above the 80 °C threshold, never below
        // the 75 °C clear threshold. Then 70 °C for ten minutes.
        for (var i = 0; i < 120; i++)
        {
            var hot = i / 6 % 2 == 0;
            harness.Ingest(Relay, AlertSamples.Mining("rig-01", harness.Now, chipTempC: hot ? 84 : 78));
            harness.Advance(Poll);
        }

        IngestFor(harness, TimeSpan.FromMinutes(10), at => AlertSamples.Mining("rig-01", at, chipTempC: 70));
    }

    private static void OfflineFor(AlertSiteHarness harness, TimeSpan offline)
    {
        IngestFor(harness, TimeSpan.FromMinutes(5), at => AlertSamples.Mining("rig-01", at));
        IngestFor(harness, offline, at => AlertSamples.NotAnswering("rig-01", at));
        IngestFor(harness, TimeSpan.FromMinutes(5), at => AlertSamples.Mining("rig-01", at));
    }

    private static void RelaySilentWith40Miners(AlertSiteHarness harness)
    {
        var miners = Miners(40);
        for (var i = 0; i < 4; i++)
        {
            harness.Ingest(Relay, [.. miners.Select(m => AlertSamples.Mining(m, harness.Now))]);
            harness.Advance(Poll);
        }

        for (var minute = 0; minute < 15; minute++)
        {
            harness.Advance(TimeSpan.FromMinutes(1));
            harness.RunWatchdog();
        }

        harness.Ingest(Relay, [.. miners.Select(m => AlertSamples.Mining(m, harness.Now))]);
        harness.Advance(TimeSpan.FromMinutes(1));
        harness.RunWatchdog();
    }

    private static void NotMiningThenStartingOnly(AlertSiteHarness harness)
    {
        IngestFor(harness, TimeSpan.FromMinutes(3), at => AlertSamples.Mining("rig-01", at));
        IngestFor(harness, TimeSpan.FromMinutes(7), at => AlertSamples.AnsweringNotHashing("rig-01", at, MinerStates.Stopped));
        IngestFor(harness, TimeSpan.FromMinutes(10), at => AlertSamples.AnsweringNotHashing("rig-01", at, MinerStates.Starting));
        IngestFor(harness, TimeSpan.FromMinutes(10), at => AlertSamples.Mining("rig-01", at) with { HashrateRealtimeHps = 0 });
    }

    private static void OfflineThenStartingOnly(AlertSiteHarness harness)
    {
        IngestFor(harness, TimeSpan.FromMinutes(3), at => AlertSamples.Mining("rig-01", at));
        IngestFor(harness, TimeSpan.FromMinutes(7), at => AlertSamples.NotAnswering("rig-01", at));
        IngestFor(harness, TimeSpan.FromMinutes(10), at => AlertSamples.AnsweringNotHashing("rig-01", at));
    }

    private static void TenMinersHot(AlertSiteHarness harness)
    {
        var miners = Miners(10);
        for (var i = 0; i < 9; i++)
        {
            harness.Ingest(Relay, [.. miners.Select(m => AlertSamples.Mining(m, harness.Now, chipTempC: 84))]);
            harness.Advance(Poll);
        }
    }

    private static void FiringFor13Hours(AlertSiteHarness harness) =>
        IngestFor(harness, TimeSpan.FromHours(13), at => AlertSamples.Mining("rig-01", at, chipTempC: 84));

    private static void IngestFor(AlertSiteHarness harness, TimeSpan duration, Func<DateTimeOffset, MinerSample> sample)
    {
        var end = harness.Now + duration;
        while (harness.Now < end)
        {
            harness.Ingest(Relay, sample(harness.Now));
            harness.Advance(Poll);
        }
    }

    private static string[] Miners(int count) => [.. Enumerable.Range(1, count).Select(i => $"rig-{i:00}")];
}
