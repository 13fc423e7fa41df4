using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Api.History;

/// <summary>
/// The parsed query of a history request: the range [<see cref="From"/>, <see cref="To"/>), the interval and,
/// on a later page, where that page starts.
/// </summary>
public sealed record HistoryQuery(DateTimeOffset From, DateTimeOffset To, HistoryInterval Interval, DateTimeOffset PageStart, string? SiteId)
{
    /// <summary>The interval names the API accepts, as the <c>interval</c> query parameter spells them.</summary>
    public static readonly IReadOnlyDictionary<string, HistoryInterval> IntervalNames =
        new Dictionary<string, HistoryInterval>(StringComparer.OrdinalIgnoreCase)
        {
            ["raw"] = HistoryInterval.Raw,
            ["5m"] = HistoryInterval.FiveMinutes,
            ["hour"] = HistoryInterval.Hour,
            ["day"] = HistoryInterval.Day,
        };

    private const string TokenVersion = "v1";

    public static string NameOf(HistoryInterval interval) =>
        IntervalNames.First(pair => pair.Value == interval).Key;

    /// <summary>
    /// Parses <c>from</c>, <c>to</c>, <c>interval</c>, <c>siteId</c> and <c>pageToken</c>. Without <c>to</c> the
    /// range ends now; without <c>from</c> it covers <paramref name="defaultSpan"/> (24 hours unless given)
    /// before <c>to</c>; without <c>interval</c> it
    /// is 5 minutes up to 2 days, hours up to 14 days, days beyond. Returns the error result for bad input.
    /// </summary>
    public static (HistoryQuery? Query, IResult? Error) Parse(
        HttpRequest request, DateTimeOffset now, int maxRangeDays, TimeSpan? defaultSpan = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var to = now;
        if (ReadText(request, "to") is { } toText && !TryParseTime(toText, out to))
        {
            return (null, ApiProblems.InvalidParameter("to", toText, "Send a UTC ISO 8601 time such as 2026-12-04T00:00:00Z."));
        }

        var from = to - (defaultSpan ?? TimeSpan.FromDays(1));
        if (ReadText(request, "from") is { } fromText && !TryParseTime(fromText, out from))
        {
            return (null, ApiProblems.InvalidParameter("from", fromText, "Send a UTC ISO 8601 time such as 2026-12-03T00:00:00Z."));
        }

        if (from >= to)
        {
            return (null, ApiProblems.InvalidParameter("from", Format(from), $"'from' must be earlier than 'to' ({Format(to)})."));
        }

        if (to - from > TimeSpan.FromDays(maxRangeDays))
        {
            return (null, ApiProblems.InvalidParameter("from", Format(from),
                $"The range may cover at most {maxRangeDays} days (OwnerApi:MaxRangeDays); split the request."));
        }

        HistoryInterval interval;
        var intervalText = ReadText(request, "interval");
        if (intervalText is null)
        {
            interval = DefaultInterval(to - from);
        }
        else if (!IntervalNames.TryGetValue(intervalText, out interval))
        {
            return (null, ApiProblems.InvalidParameter("interval", intervalText, "Send raw, 5m, hour or day."));
        }

        var pageStart = from;
        if (ReadText(request, "pageToken") is { } token)
        {
            if (!TryReadToken(token, out pageStart) || pageStart < from || pageStart >= to)
            {
                return (null, ApiProblems.InvalidParameter("pageToken", token,
                    "Send the nextPageToken of the previous page with the same from, to and interval, or leave it out for the first page."));
            }
        }

        return (new HistoryQuery(from, to, interval, pageStart, ReadText(request, "siteId")), null);
    }

    public static HistoryInterval DefaultInterval(TimeSpan span) =>
        span <= TimeSpan.FromDays(2) ? HistoryInterval.FiveMinutes
        : span <= TimeSpan.FromDays(14) ? HistoryInterval.Hour
        : HistoryInterval.Day;

    /// <summary>An opaque token for the page that starts at <paramref name="pageStart"/>.</summary>
    public static string CreateToken(DateTimeOffset pageStart)
    {
        var text = $"{TokenVersion}|{pageStart.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryReadToken(string token, out DateTimeOffset pageStart)
    {
        pageStart = default;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length != 2 || parts[0] != TokenVersion
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }

            pageStart = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? ReadText(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
