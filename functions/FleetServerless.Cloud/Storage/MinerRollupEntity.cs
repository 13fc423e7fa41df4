using Azure;
using Azure.Data.Tables;
using FleetServerless.Cloud.Rollups;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// One miner over one hour or one day. Hourly: partition site, miner and UTC month, row the hour
/// (<c>2026-12-04T02Z</c>). Daily: partition site, miner and UTC year, row the date (<c>2026-12-04</c>).
/// Each statistic has its count and sum, so a day is rebuilt exactly from its hours.
/// </summary>
public sealed class MinerRollupEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SiteId { get; set; } = "";

    public string MinerId { get; set; } = "";

    public DateTimeOffset PeriodStart { get; set; }

    /// <summary>60 for an hourly row, 1440 for a daily row.</summary>
    public int PeriodMinutes { get; set; }

    public long SampleCount { get; set; }

    public long AnsweredCount { get; set; }

    public int MinutesAnswering { get; set; }

    public int MinutesMining { get; set; }

    public double? HashrateMinHps { get; set; }

    public double? HashrateMaxHps { get; set; }

    public double? HashrateMeanHps { get; set; }

    public double HashrateSumHps { get; set; }

    public long HashrateCount { get; set; }

    public double? PowerMinWatts { get; set; }

    public double? PowerMaxWatts { get; set; }

    public double? PowerMeanWatts { get; set; }

    public double PowerSumWatts { get; set; }

    public long PowerCount { get; set; }

    /// <summary>Lowest of the samples' hottest-chip readings.</summary>
    public double? ChipTempMinC { get; set; }

    /// <summary>Highest of the samples' hottest-chip readings.</summary>
    public double? ChipTempMaxC { get; set; }

    public double? ChipTempMeanC { get; set; }

    public double ChipTempSumC { get; set; }

    public long ChipTempCount { get; set; }

    /// <summary>Lowest of the samples' hottest-board readings.</summary>
    public double? BoardTempMinC { get; set; }

    public double? BoardTempMaxC { get; set; }

    public double? BoardTempMeanC { get; set; }

    public double BoardTempSumC { get; set; }

    public long BoardTempCount { get; set; }

    public MinerPeriodStats ToStats() => new(
        SampleCount,
        AnsweredCount,
        MinutesAnswering,
        MinutesMining,
        new RollupStatistic(HashrateCount, HashrateSumHps, HashrateMinHps, HashrateMaxHps),
        new RollupStatistic(PowerCount, PowerSumWatts, PowerMinWatts, PowerMaxWatts),
        new RollupStatistic(ChipTempCount, ChipTempSumC, ChipTempMinC, ChipTempMaxC),
        new RollupStatistic(BoardTempCount, BoardTempSumC, BoardTempMinC, BoardTempMaxC));

    internal static MinerRollupEntity From(string partitionKey, string rowKey, string siteId, string minerId,
        DateTimeOffset periodStart, int periodMinutes, MinerPeriodStats stats) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        SiteId = siteId,
        MinerId = minerId,
        PeriodStart = periodStart,
        PeriodMinutes = periodMinutes,
        SampleCount = stats.SampleCount,
        AnsweredCount = stats.AnsweredCount,
        MinutesAnswering = stats.MinutesAnswering,
        MinutesMining = stats.MinutesMining,
        HashrateMinHps = stats.HashrateRealtimeHps.Min,
        HashrateMaxHps = stats.HashrateRealtimeHps.Max,
        HashrateMeanHps = stats.HashrateRealtimeHps.Mean,
        HashrateSumHps = stats.HashrateRealtimeHps.Sum,
        HashrateCount = stats.HashrateRealtimeHps.Count,
        PowerMinWatts = stats.PowerWatts.Min,
        PowerMaxWatts = stats.PowerWatts.Max,
        PowerMeanWatts = stats.PowerWatts.Mean,
        PowerSumWatts = stats.PowerWatts.Sum,
        PowerCount = stats.PowerWatts.Count,
        ChipTempMinC = stats.ChipTempMaxC.Min,
        ChipTempMaxC = stats.ChipTempMaxC.Max,
        ChipTempMeanC = stats.ChipTempMaxC.Mean,
        ChipTempSumC = stats.ChipTempMaxC.Sum,
        ChipTempCount = stats.ChipTempMaxC.Count,
        BoardTempMinC = stats.BoardTempMaxC.Min,
        BoardTempMaxC = stats.BoardTempMaxC.Max,
        BoardTempMeanC = stats.BoardTempMaxC.Mean,
        BoardTempSumC = stats.BoardTempMaxC.Sum,
        BoardTempCount = stats.BoardTempMaxC.Count,
    };
}
