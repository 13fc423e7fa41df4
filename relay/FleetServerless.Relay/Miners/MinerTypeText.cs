using System.Text.RegularExpressions;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Splits model and firmware strings such as <c>Antminer L7 (Vnish 1.2.6)</c>,
/// <c>Antminer T21 (7Miners 1.2.6-rc1)</c> (a white-label build) or <c>Antminer L3+ (024)</c>.
/// </summary>
public static partial class MinerTypeText
{
    /// <summary>
    /// Returns the model (the text before the brackets) and the firmware (the text inside them, or null).
    /// Any text is accepted: without brackets the whole text is the model.
    /// </summary>
    public static (string? Model, string? Firmware) Parse(string? minerType)
    {
        if (string.IsNullOrWhiteSpace(minerType))
        {
            return (null, null);
        }

        var match = TypePattern().Match(minerType.Trim());
        if (!match.Success)
        {
            return (minerType.Trim(), null);
        }

        var model = match.Groups["model"].Value.Trim();
        var firmware = match.Groups["firmware"].Value.Trim();
        return (model.Length == 0 ? null : model, firmware.Length == 0 ? null : firmware);
    }

    [GeneratedRegex(@"^(?<model>[^()]*)\((?<firmware>[^()]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();
}
