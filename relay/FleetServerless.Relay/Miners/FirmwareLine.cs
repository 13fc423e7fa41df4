using System.Globalization;

namespace FleetServerless.Relay.Miners;

/// <summary>The Vnish release lines whose web APIs differ in layout.</summary>
public enum FirmwareLine
{
    /// <summary>1.2.x and older: boards at <c>/api/v1/chains</c>.</summary>
    Vnish12,

    /// <summary>1.3.x and newer: boards at <c>/api/v1/boards</c>, <c>throttled</c> and <c>restart_count</c> added.</summary>
    Vnish13,
}

/// <summary>Chooses the reader for a firmware version.</summary>
public static class FirmwareLines
{
    /// <summary>
    /// Returns the release line of a <c>fw_version</c>. A pre-release counts as its line (<c>1.3.0-alpha</c> is 1.3);
    /// an unreadable or missing version is taken as 1.2, the older layout.
    /// </summary>
    public static FirmwareLine FromVersion(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return FirmwareLine.Vnish12;
        }

        var core = version.Trim().TrimStart('v', 'V').Split('-', '+', ' ', '_')[0];
        var parts = core.Split('.');
        if (parts.Length < 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return FirmwareLine.Vnish12;
        }

        return major > 1 || (major == 1 && minor >= 3) ? FirmwareLine.Vnish13 : FirmwareLine.Vnish12;
    }
}
