using System.Globalization;
using Azure.Data.Tables;
using FleetServerless.Cloud.Storage;

namespace FleetServerless.Cloud.Api.History;

/// <summary>
/// Where each history source lives: its table, the partitions that cover a range in time order, the row key
/// of a period start, and how a stored row becomes a <see cref="HistoryRow"/>. Keys follow
/// <see cref="StorageKeys"/>, so these reads find exactly what ingest and the rollup timer wrote.
/// </summary>
internal static class HistoryTables
{
    /// <summary>The sample columns history reads; the sample JSON is left on the server.</summary>
    public static readonly string[] SampleColumns =
        ["RowKey", "CollectedAt", "Answered", "Mining", "HashrateRealtimeHps", "PowerWatts", "ChipTempMaxC", "BoardTempMaxC"];

    public static string TableOf(HistorySource source) => source switch
    {
        HistorySource.Samples => TableNames.Samples,
        HistorySource.Fleet5m => TableNames.RollupsFleet5m,
        HistorySource.MinerHourly => TableNames.RollupsMinerHourly,
        HistorySource.MinerDaily => TableNames.RollupsMinerDaily,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown history source."),
    };

    /// <summary>The width of one stored row of a rollup source; raw samples have none.</summary>
    public static TimeSpan? RowPeriod(HistorySource source) => source switch
    {
        HistorySource.Fleet5m => TimeSpan.FromMinutes(5),
        HistorySource.MinerHourly => TimeSpan.FromHours(1),
        HistorySource.MinerDaily => TimeSpan.FromDays(1),
        _ => null,
    };

    /// <summary>The row key of a period (or, for raw samples, an instant) starting at <paramref name="start"/>.</summary>
    public static string RowKey(HistorySource source, DateTimeOffset start) => source switch
    {
        HistorySource.Samples => StorageKeys.Instant(start),
        HistorySource.Fleet5m => StorageKeys.Minute(start),
        HistorySource.MinerHourly => StorageKeys.Hour(start),
        HistorySource.MinerDaily => StorageKeys.Date(start),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown history source."),
    };

    /// <summary>
    /// The partitions holding [<paramref name="from"/>, <paramref name="to"/>) in time order: one per UTC day
    /// for samples and fleet rollups, per month for hourly and per year for daily miner rollups.
    /// </summary>
    public static IEnumerable<string> Partitions(HistorySource source, string? siteId, string? minerId, DateTimeOffset from, DateTimeOffset to)
    {
        var step = source switch
        {
            HistorySource.MinerHourly => (Func<DateTime, DateTime>)(d => d.AddMonths(1)),
            HistorySource.MinerDaily => d => d.AddYears(1),
            _ => d => d.AddDays(1),
        };
        var first = from.UtcDateTime.Date;
        first = source switch
        {
            HistorySource.MinerHourly => new DateTime(first.Year, first.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            HistorySource.MinerDaily => new DateTime(first.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => first,
        };

        for (var period = first; period < to.UtcDateTime; period = step(period))
        {
            var start = new DateTimeOffset(period, TimeSpan.Zero);
            yield return source switch
            {
                HistorySource.Samples => StorageKeys.SamplePartition(siteId!, minerId!, start),
                HistorySource.Fleet5m => StorageKeys.Fleet5mPartition(siteId, start),
                HistorySource.MinerHourly => StorageKeys.MinerHourlyPartition(siteId!, minerId!, start),
                HistorySource.MinerDaily => StorageKeys.MinerDailyPartition(siteId!, minerId!, start),
                _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown history source."),
            };
        }
    }

    public static HistoryRow FromSample(TableEntity entity)
    {
        var answered = entity.GetBoolean("Answered") ?? false;
        var hashrate = answered ? Number(entity, "HashrateRealtimeHps") : null;
        var power = answered ? Number(entity, "PowerWatts") : null;
        return new HistoryRow(
            Start: entity.GetDateTimeOffset("CollectedAt") ?? default,
            HashrateMeanHps: hashrate,
            HashrateMinHps: hashrate,
            HashrateMaxHps: hashrate,
            HashrateWeight: 1,
            PowerMeanWatts: power,
            PowerMaxWatts: power,
            PowerWeight: 1,
            ChipTempMaxC: answered ? Number(entity, "ChipTempMaxC") : null,
            BoardTempMaxC: answered ? Number(entity, "BoardTempMaxC") : null,
            MinutesAnswering: null,
            MinutesMining: null,
            MinersReporting: null,
            MinersMining: null,
            Samples: 1);
    }

    /// <summary>
    /// Reads a rollup row written by the rollup builder (<see cref="MinerRollupEntity"/> or
    /// <see cref="FleetRollupEntity"/>), by column name so exports can read both kinds alike.
    /// </summary>
    public static HistoryRow FromRollup(TableEntity entity, HistorySource source, DateTimeOffset start)
    {
        var fleet = source == HistorySource.Fleet5m;
        var samples = fleet ? null : (long?)Number(entity, "SampleCount");
        return new HistoryRow(
            Start: start,
            HashrateMeanHps: Number(entity, "HashrateMeanHps"),
            HashrateMinHps: Number(entity, "HashrateMinHps"),
            HashrateMaxHps: Number(entity, "HashrateMaxHps"),
            HashrateWeight: (long)(Number(entity, "HashrateCount") ?? 1),
            PowerMeanWatts: Number(entity, "PowerMeanWatts"),
            PowerMaxWatts: Number(entity, "PowerMaxWatts"),
            PowerWeight: (long)(Number(entity, "PowerCount") ?? 1),
            ChipTempMaxC: Number(entity, "ChipTempMaxC"),
            BoardTempMaxC: Number(entity, "BoardTempMaxC"),
            MinutesAnswering: Number(entity, "MinutesAnswering"),
            MinutesMining: Number(entity, "MinutesMining"),
            MinersReporting: fleet ? (int?)Number(entity, "MinersReporting") : null,
            MinersMining: fleet ? (int?)Number(entity, "MinersMining") : null,
            Samples: samples);
    }

    /// <summary>The start of a rollup row's period: its <c>PeriodStart</c> column, else parsed from its row key.</summary>
    public static DateTimeOffset StartOf(TableEntity entity, HistorySource source)
    {
        if (entity.GetDateTimeOffset("PeriodStart") is { } stored)
        {
            return stored.ToUniversalTime();
        }

        var format = source switch
        {
            HistorySource.Fleet5m => "yyyy-MM-dd'T'HH:mm'Z'",
            HistorySource.MinerHourly => "yyyy-MM-dd'T'HH'Z'",
            _ => "yyyy-MM-dd",
        };
        return DateTimeOffset.ParseExact(entity.RowKey, format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    /// <summary>A numeric column whatever its stored type (Int32, Int64 or Double); null when absent.</summary>
    private static double? Number(TableEntity entity, string column) =>
        entity.TryGetValue(column, out var value) ? value switch
        {
            double d => d,
            int i => i,
            long l => l,
            float f => f,
            _ => null,
        } : null;
}
