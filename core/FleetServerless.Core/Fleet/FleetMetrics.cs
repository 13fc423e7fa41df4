using FleetServerless.Core.Telemetry;
using FleetServerless.Core.Units;

namespace FleetServerless.Core.Fleet;

/// <summary>Fleet totals from the latest sample of each miner. Pure: no clock, no I/O.</summary>
public static class FleetMetrics
{
    /// <summary>Samples older than this are treated as offline: a powered-off miner must not keep its last hashrate.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(3);

    /// <summary>Whether a sample shows a miner that is hashing: answered, in a hashing state, hashrate above zero.</summary>
    public static bool IsMining(MinerSample sample) =>
        sample.Answered
        && MinerStates.IsHashingState(sample.State)
        && sample.HashrateRealtimeHps > 0;

    /// <summary>Summarizes the latest sample of every miner as of <paramref name="now"/>.</summary>
    public static FleetSummary Summarize(IEnumerable<MinerSample> latestSamples, DateTimeOffset now, TimeSpan? staleAfter = null)
    {
        ArgumentNullException.ThrowIfNull(latestSamples);
        var staleLimit = staleAfter ?? DefaultStaleAfter;

        var all = latestSamples.ToList();
        var fresh = all.Where(s => now - s.CollectedAt <= staleLimit).ToList();
        var answering = fresh.Where(s => s.Answered).ToList();
        var mining = answering.Where(IsMining).ToList();

        var realtime = mining.Sum(s => s.HashrateRealtimeHps ?? 0);
        var withNominal = mining.Where(s => s.HashrateNominalHps > 0 && s.HashrateRealtimeHps is not null).ToList();
        var (factor, label) = HashrateUnit.DisplayUnit(DominantAlgorithm(answering), realtime);

        return new FleetSummary
        {
            MinersTotal = all.Count,
            MinersAnswering = answering.Count,
            MinersMining = mining.Count,
            MinersStale = all.Count - fresh.Count,
            ReachablePercent = Percent(answering.Count, all.Count),
            HashingPercent = Percent(mining.Count, all.Count),
            HashrateRealtimeHps = realtime,
            HashrateAverageHps = SumOrNull(mining.Select(s => s.HashrateAverageHps)),
            HashrateNominalHps = SumOrNull(answering.Select(s => s.HashrateNominalHps)),
            NominalDeliveredPercent = withNominal.Count == 0
                ? null
                : 100 * withNominal.Sum(s => s.HashrateRealtimeHps!.Value) / withNominal.Sum(s => s.HashrateNominalHps!.Value),
            HashrateDisplay = realtime / factor,
            HashrateDisplayUnit = label,
            PowerWatts = SumOrNull(answering.Select(s => s.PowerWatts)),
            EfficiencyJoulesPerGigahash = Efficiency(mining.Where(s => !IsSha256(s)), HashrateUnit.GigaHashesPerSecond),
            EfficiencyJoulesPerTerahash = Efficiency(mining.Where(IsSha256), HashrateUnit.TeraHashesPerSecond),
            ChipTempMaxC = MaxOrNull(answering.Select(s => s.ChipTempMaxC)),
            HottestChipMinerId = HottestMiner(answering, s => s.ChipTempMaxC),
            BoardTempMaxC = MaxOrNull(answering.Select(s => s.BoardTempMaxC)),
            HottestBoardMinerId = HottestMiner(answering, s => s.BoardTempMaxC),
            BoardsFailed = answering.Sum(s => s.Boards?.Count(b => b.State is "failure" or "disconnected") ?? 0),
            ChipsRed = answering.Sum(s => s.Boards?.Sum(b => b.ChipsRed ?? 0) ?? 0),
            LatestSampleAt = all.Count == 0 ? null : all.Max(s => s.CollectedAt),
            OldestSampleAt = all.Count == 0 ? null : all.Min(s => s.CollectedAt),
        };
    }

    /// <summary>
    /// Summarizes every site on its own and all sites together, as of <paramref name="now"/>. Sites are ordered
    /// by id (ordinal).
    /// </summary>
    public static FleetReport SummarizeSites(IEnumerable<SiteSample> latestSamples, DateTimeOffset now, TimeSpan? staleAfter = null)
    {
        ArgumentNullException.ThrowIfNull(latestSamples);
        var all = latestSamples.ToList();
        var sites = all
            .GroupBy(s => s.SiteId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SiteSummary(g.Key, Summarize(g.Select(s => s.Sample), now, staleAfter)))
            .ToList();
        return new FleetReport(Summarize(all.Select(s => s.Sample), now, staleAfter), sites);
    }

    /// <summary>
    /// Adds the two uptimes to a summary: miner-minutes answering and mining over <paramref name="minersTotal"/>
    /// × the window. Minutes above the window (clock skew) count as the whole window.
    /// </summary>
    public static FleetSummary WithUptime(FleetSummary summary, IEnumerable<MinerMinutes> minutes, int minersTotal, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (minersTotal <= 0)
        {
            return summary with { UptimeReachablePercent = null, UptimeHashingPercent = null, UptimeWindowSeconds = null };
        }

        var windowMinutes = window.TotalMinutes;
        var list = minutes.ToList();
        return WithUptime(
            summary,
            list.Sum(m => Math.Min(m.MinutesAnswering, windowMinutes)),
            list.Sum(m => Math.Min(m.MinutesMining, windowMinutes)),
            minersTotal,
            window);
    }

    /// <summary>
    /// Adds the two uptimes from fleet totals of miner-minutes (as the 5-minute fleet rollups store them) over
    /// <paramref name="minersTotal"/> × the window. Results above 100 % are capped.
    /// </summary>
    public static FleetSummary WithUptime(
        FleetSummary summary, double minutesAnswering, double minutesMining, int minersTotal, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (minersTotal <= 0)
        {
            return summary with { UptimeReachablePercent = null, UptimeHashingPercent = null, UptimeWindowSeconds = null };
        }

        var possible = minersTotal * window.TotalMinutes;
        return summary with
        {
            UptimeReachablePercent = Math.Min(100, 100 * minutesAnswering / possible),
            UptimeHashingPercent = Math.Min(100, 100 * minutesMining / possible),
            UptimeWindowSeconds = window.TotalSeconds,
        };
    }

    private static bool IsSha256(MinerSample sample) =>
        string.Equals(sample.Algorithm, "sha256d", StringComparison.OrdinalIgnoreCase);

    private static string? DominantAlgorithm(IEnumerable<MinerSample> samples) =>
        samples.GroupBy(s => s.Algorithm ?? "scrypt").OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;

    /// <summary>Watts per unit of hashrate, over miners that report both; null when none does.</summary>
    private static double? Efficiency(IEnumerable<MinerSample> mining, double unitHps)
    {
        var both = mining.Where(s => s.PowerWatts > 0 && s.HashrateRealtimeHps > 0).ToList();
        if (both.Count == 0)
        {
            return null;
        }

        return both.Sum(s => s.PowerWatts!.Value) / (both.Sum(s => s.HashrateRealtimeHps!.Value) / unitHps);
    }

    private static double? SumOrNull(IEnumerable<double?> values)
    {
        double? total = null;
        foreach (var value in values)
        {
            if (value is not null)
            {
                total = (total ?? 0) + value.Value;
            }
        }

        return total;
    }

    private static double? Percent(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;

    /// <summary>The miner with the highest reading; ties go to the lowest miner id (ordinal), so the result is stable.</summary>
    private static string? HottestMiner(IEnumerable<MinerSample> samples, Func<MinerSample, double?> reading) =>
        samples
            .Where(s => reading(s) is not null)
            .OrderByDescending(s => reading(s))
            .ThenBy(s => s.MinerId, StringComparer.Ordinal)
            .FirstOrDefault()?.MinerId;

    private static double? MaxOrNull(IEnumerable<double?> values) =>
        values.Where(v => v is not null).Max();
}
