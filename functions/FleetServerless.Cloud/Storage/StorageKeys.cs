using System.Globalization;
using System.Text;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// Builds partition and row keys. Every key is a pure function of the data, so writing the same sample twice
/// writes the same row.
/// </summary>
/// <remarks>
/// Ids may contain any character Table Storage allows in a key, including '|', so <see cref="Join"/> escapes
/// '~' as "~t" and '|' as "~p" before joining parts with '|'. That keeps keys readable and makes different
/// part lists produce different keys. Times are fixed-width UTC so ordinal order is time order.
/// </remarks>
public static class StorageKeys
{
    public const char Separator = '|';

    public static string Join(params string[] parts)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(Separator);
            }

            foreach (var c in parts[i])
            {
                _ = c switch
                {
                    '~' => builder.Append("~t"),
                    '|' => builder.Append("~p"),
                    _ => builder.Append(c),
                };
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The smallest key greater than every key that starts with <paramref name="prefix"/>, for range queries:
    /// the prefix with its last character incremented (<c>a|b|</c> becomes <c>a|b}</c>).
    /// </summary>
    public static string PrefixEnd(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix[..^1] + (char)(prefix[^1] + 1);
    }

    /// <summary>A UTC day as <c>yyyyMMdd</c>.</summary>
    public static string Day(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A UTC month as <c>yyyyMM</c>.</summary>
    public static string Month(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>A UTC year as <c>yyyy</c>.</summary>
    public static string Year(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant to 100 ns, fixed width: <c>2026-12-04T02:15:30.1234567Z</c>.</summary>
    public static string Instant(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC hour: <c>2026-12-04T02Z</c>.</summary>
    public static string Hour(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC minute: <c>2026-12-04T02:15Z</c>.</summary>
    public static string Minute(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC date: <c>2026-12-04</c>.</summary>
    public static string Date(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A non-negative number zero-padded to 19 digits, so ordinal order is numeric order.</summary>
    public static string Number(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value.ToString("D19", CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset ParseHour(string hourKey) =>
        DateTimeOffset.ParseExact(hourKey, "yyyy-MM-dd'T'HH'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset ParseDay(string dayKey) =>
        DateTimeOffset.ParseExact(dayKey, "yyyyMMdd", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The partition of one miner's samples for one UTC day.</summary>
    public static string SamplePartition(string siteId, string minerId, DateTimeOffset collectedAt) =>
        Join(siteId, minerId, Day(collectedAt));

    /// <summary>The partition of one miner's hourly rollups for one UTC month.</summary>
    public static string MinerHourlyPartition(string siteId, string minerId, DateTimeOffset periodStart) =>
        Join(siteId, minerId, Month(periodStart));

    /// <summary>The partition of one miner's daily rollups for one UTC year.</summary>
    public static string MinerDailyPartition(string siteId, string minerId, DateTimeOffset periodStart) =>
        Join(siteId, minerId, Year(periodStart));

    /// <summary>The partition of one site's 5-minute fleet rollups for one UTC day; a null site means all sites.</summary>
    public static string Fleet5mPartition(string? siteId, DateTimeOffset periodStart) =>
        siteId is null ? Join("all", Day(periodStart)) : Join("site", siteId, Day(periodStart));
}
