using System.Globalization;
using FleetServerless.Core.Units;

namespace FleetServerless.Core.Alerts;

/// <summary>Formats values, thresholds and durations for messages read on a phone. Invariant culture.</summary>
public static class AlertValueFormatter
{
    /// <summary>Formats a value in a rule's unit: "92 °C", "23 %", "6 min", "9,500 MH/s"; "unknown" for null.</summary>
    public static string Format(double? value, AlertValueUnit unit, string? algorithm = null, string? currency = null)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return "unknown";
        }

        return unit switch
        {
            AlertValueUnit.Celsius => Invariant($"{v:0.#} °C"),
            AlertValueUnit.Percent => Invariant($"{v:0.#} %"),
            AlertValueUnit.Seconds => FormatDuration(TimeSpan.FromSeconds(v)),
            AlertValueUnit.HashesPerSecond => FormatHashrate(v, algorithm),
            AlertValueUnit.CurrencyPerDay => Invariant($"{v:0.00} {currency ?? ""}/day").Replace(" /", "/", StringComparison.Ordinal),
            _ => Invariant($"{v:0.##}"),
        };
    }

    /// <summary>Formats a duration as "45 s", "6 min", "2 h 5 min" or "3 d 4 h".</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            return Invariant($"{(int)duration.TotalSeconds} s");
        }

        if (duration < TimeSpan.FromHours(1))
        {
            return Invariant($"{(int)duration.TotalMinutes} min");
        }

        if (duration < TimeSpan.FromDays(1))
        {
            return duration.Minutes == 0
                ? Invariant($"{(int)duration.TotalHours} h")
                : Invariant($"{(int)duration.TotalHours} h {duration.Minutes} min");
        }

        return duration.Hours == 0
            ? Invariant($"{(int)duration.TotalDays} d")
            : Invariant($"{(int)duration.TotalDays} d {duration.Hours} h");
    }

    /// <summary>Formats a UTC time as "2026-12-04 02:10 UTC".</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string FormatHashrate(double hps, string? algorithm)
    {
        var (factor, label) = HashrateUnit.DisplayUnit(algorithm, hps);
        return Invariant($"{hps / factor:#,##0.##} {label}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
