namespace FleetServerless.Cloud.Rollups;

/// <summary>The arithmetic of rollups. Pure: the same samples always give the same statistics, whatever their order.</summary>
public static class RollupCalculator
{
    /// <summary>Summarizes one miner's samples of one period.</summary>
    public static MinerPeriodStats SummarizeMiner(IEnumerable<RollupSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        long count = 0, answeredCount = 0;
        var minutesAnswering = new HashSet<long>();
        var minutesMining = new HashSet<long>();
        RollupStatistic hashrate = default, power = default, chip = default, board = default;
        foreach (var sample in samples)
        {
            count++;
            if (!sample.Answered)
            {
                continue;
            }

            answeredCount++;
            var minute = MinuteOf(sample.CollectedAt);
            minutesAnswering.Add(minute);
            if (sample.Mining)
            {
                minutesMining.Add(minute);
            }

            hashrate = hashrate.Add(sample.HashrateRealtimeHps);
            power = power.Add(sample.PowerWatts);
            chip = chip.Add(sample.ChipTempMaxC);
            board = board.Add(sample.BoardTempMaxC);
        }

        return new MinerPeriodStats(count, answeredCount, minutesAnswering.Count, minutesMining.Count, hashrate, power, chip, board);
    }

    /// <summary>Summarizes the samples of every miner of a fleet within one bucket.</summary>
    public static FleetPeriodStats SummarizeFleet(IEnumerable<RollupSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var list = samples.ToList();
        var byMiner = list.GroupBy(s => (s.SiteId, s.MinerId)).ToList();
        var minutesAnswering = 0;
        var minutesMining = 0;
        foreach (var miner in byMiner)
        {
            var stats = SummarizeMiner(miner);
            minutesAnswering += stats.MinutesAnswering;
            minutesMining += stats.MinutesMining;
        }

        RollupStatistic hashrate = default, power = default;
        foreach (var minute in list.GroupBy(s => MinuteOf(s.CollectedAt)))
        {
            var answered = minute.Where(s => s.Answered).GroupBy(s => (s.SiteId, s.MinerId)).ToList();
            hashrate = hashrate.Add(answered.Sum(m => MeanOrZero(m.Select(s => s.HashrateRealtimeHps))));
            var powerReports = answered.Where(m => m.Any(s => s.PowerWatts is not null)).ToList();
            power = power.Add(powerReports.Count == 0 ? null : powerReports.Sum(m => MeanOrZero(m.Select(s => s.PowerWatts))));
        }

        return new FleetPeriodStats(
            byMiner.Count,
            byMiner.Count(m => m.Any(s => s.Answered)),
            byMiner.Count(m => m.Any(s => s.Answered && s.Mining)),
            minutesAnswering,
            minutesMining,
            hashrate,
            power,
            list.Where(s => s.Answered).Max(s => s.ChipTempMaxC),
            list.Where(s => s.Answered).Max(s => s.BoardTempMaxC));
    }

    /// <summary>The start of the 5-minute bucket holding <paramref name="time"/>.</summary>
    public static DateTimeOffset FiveMinuteBucket(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute - (utc.Minute % 5), 0, TimeSpan.Zero);
    }

    private static long MinuteOf(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerMinute;

    private static double MeanOrZero(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count == 0 ? 0 : known.Average();
    }
}
