using System.Globalization;
using System.Text.RegularExpressions;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Parses the uptime texts miners write: <c>0:06</c> and <c>2:38</c> (H:MM under a day), <c>2 days, 03:14</c>,
/// <c>1 day, 03:14</c>, <c>12:03:14</c> (H:MM:SS), busybox's <c>5 min</c> and <c>2 days, 5 min</c>, and plain seconds.
/// </summary>
public static partial class UptimeText
{
    /// <summary>Returns the uptime in seconds, or null when the text has none of the known forms.</summary>
    public static double? ParseSeconds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain >= 0)
        {
            return plain;
        }

        var match = UptimePattern().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        double seconds = 0;
        if (match.Groups["days"].Success)
        {
            seconds += 86400 * int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture);
        }

        if (match.Groups["h"].Success)
        {
            seconds += 3600 * int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            seconds += 60 * int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["s"].Success)
            {
                seconds += int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
            }
        }
        else if (match.Groups["min"].Success)
        {
            seconds += 60 * int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture);
        }
        else if (!match.Groups["days"].Success)
        {
            return null;
        }

        return seconds;
    }

    [GeneratedRegex(
        @"^(?:up\s+)?(?:(?<days>\d+)\s*days?,?\s*)?(?:(?<h>\d+):(?<m>[0-5]\d)(?::(?<s>[0-5]\d))?|(?<min>\d+)\s*min(?:utes?)?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UptimePattern();
}
