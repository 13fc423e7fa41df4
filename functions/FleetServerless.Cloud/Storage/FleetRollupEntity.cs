using Azure;
using Azure.Data.Tables;
using FleetServerless.Cloud.Rollups;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// A fleet over one 5-minute bucket. Partition: <c>site|{siteId}|{yyyyMMdd}</c> for one site or
/// <c>all|{yyyyMMdd}</c> for all sites (one UTC day, 288 rows); row: the bucket start (<c>2026-12-04T02:15Z</c>).
/// </summary>
public sealed class FleetRollupEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The site, or null for the row of all sites.</summary>
    public string? SiteId { get; set; }

    public DateTimeOffset PeriodStart { get; set; }

    public int PeriodMinutes { get; set; } = 5;

    public int MinersReporting { get; set; }

    public int MinersAnswering { get; set; }

    public int MinersMining { get; set; }

    public int MinutesAnswering { get; set; }

    public int MinutesMining { get; set; }

    /// <summary>Lowest per-minute fleet total in the bucket.</summary>
    public double? HashrateMinHps { get; set; }

    public double? HashrateMaxHps { get; set; }

    public double? HashrateMeanHps { get; set; }

    public double? PowerMinWatts { get; set; }

    public double? PowerMaxWatts { get; set; }

    public double? PowerMeanWatts { get; set; }

    public double? ChipTempMaxC { get; set; }

    public double? BoardTempMaxC { get; set; }

    internal static FleetRollupEntity From(string? siteId, DateTimeOffset bucketStart, FleetPeriodStats stats) => new()
    {
        PartitionKey = StorageKeys.Fleet5mPartition(siteId, bucketStart),
        RowKey = StorageKeys.Minute(bucketStart),
        SiteId = siteId,
        PeriodStart = bucketStart,
        MinersReporting = stats.MinersReporting,
        MinersAnswering = stats.MinersAnswering,
        MinersMining = stats.MinersMining,
        MinutesAnswering = stats.MinutesAnswering,
        MinutesMining = stats.MinutesMining,
        HashrateMinHps = stats.HashrateRealtimeHps.Min,
        HashrateMaxHps = stats.HashrateRealtimeHps.Max,
        HashrateMeanHps = stats.HashrateRealtimeHps.Mean,
        PowerMinWatts = stats.PowerWatts.Min,
        PowerMaxWatts = stats.PowerWatts.Max,
        PowerMeanWatts = stats.PowerWatts.Mean,
        ChipTempMaxC = stats.ChipTempMaxC,
        BoardTempMaxC = stats.BoardTempMaxC,
    };
}
