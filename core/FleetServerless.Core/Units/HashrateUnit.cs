namespace FleetServerless.Core.Units;

/// <summary>
/// Hashrate units as miners declare them, and the single place where they become hashes per second.
/// </summary>
public static class HashrateUnit
{
    public const double KiloHashesPerSecond = 1e3;
    public const double MegaHashesPerSecond = 1e6;
    public const double GigaHashesPerSecond = 1e9;
    public const double TeraHashesPerSecond = 1e12;

    /// <summary>
    /// Returns the multiplier from a declared unit to H/s, or null when the unit is missing or not known
    /// (<c>N/A</c>). Accepts the spellings miners use: <c>MH/s</c>, <c>MHS</c>, <c>mh</c>, <c>GH</c>.
    /// </summary>
    public static double? ToHashesPerSecondFactor(string? declaredUnit)
    {
        if (string.IsNullOrWhiteSpace(declaredUnit))
        {
            return null;
        }

        var unit = declaredUnit.Trim().ToUpperInvariant().Replace("/", "", StringComparison.Ordinal);
        if (unit.EndsWith('S'))
        {
            unit = unit[..^1];
        }

        return unit switch
        {
            "H" => 1,
            "KH" => KiloHashesPerSecond,
            "MH" => MegaHashesPerSecond,
            "GH" => GigaHashesPerSecond,
            "TH" => TeraHashesPerSecond,
            "PH" => 1e15,
            _ => null,
        };
    }

    /// <summary>The unit an owner reads for an algorithm: MH/s or GH/s for scrypt, TH/s for sha256d.</summary>
    public static (double Factor, string Label) DisplayUnit(string? algorithm, double hashrateHps)
    {
        if (string.Equals(algorithm, "sha256d", StringComparison.OrdinalIgnoreCase))
        {
            return (TeraHashesPerSecond, "TH/s");
        }

        return hashrateHps >= 100 * GigaHashesPerSecond
            ? (GigaHashesPerSecond, "GH/s")
            : (MegaHashesPerSecond, "MH/s");
    }
}
