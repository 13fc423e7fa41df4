using FleetServerless.Relay.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>Uptime, model and firmware texts in every form miners write them.</summary>
public sealed class TextFormTests
{
    [Theory]
    [InlineData("0:06", 360)]
    [InlineData("2:38", 9480)]
    [InlineData("2 days, 03:14", 184440)]
    [InlineData("1 day, 03:14", 98040)]
    [InlineData("up 1 day,  3:14", 98040)]
    [InlineData("12:03:14", 43394)]
    [InlineData("5 min", 300)]
    [InlineData("2 days, 5 min", 173100)]
    [InlineData("3 days", 259200)]
    [InlineData("3600", 3600)]
    public void Uptime_ParsesKnownForms(string text, double seconds) =>
        Assert.Equal(seconds, UptimeText.ParseSeconds(text));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2:75")]
    public void Uptime_UnknownFormIsNull(string text) =>
        Assert.Null(UptimeText.ParseSeconds(text));

    [Theory]
    [InlineData("Antminer L7 (Vnish 1.2.6)", "Antminer L7", "Vnish 1.2.6")]
    [InlineData("Antminer T21 (7Miners 1.2.6-rc1)", "Antminer T21", "7Miners 1.2.6-rc1")]
    [InlineData("Antminer L3+ (024)", "Antminer L3+", "024")]
    [InlineData("Antminer L7 (Vnish 1.2.0-rc4)", "Antminer L7", "Vnish 1.2.0-rc4")]
    [InlineData("Antminer L9", "Antminer L9", null)]
    public void MinerType_SplitsModelAndFirmware(string text, string model, string? firmware)
    {
        var (parsedModel, parsedFirmware) = MinerTypeText.Parse(text);

        Assert.Equal(model, parsedModel);
        Assert.Equal(firmware, parsedFirmware);
    }

    [Theory]
    [InlineData("1.2.6", FirmwareLine.Vnish12)]
    [InlineData("1.2.7", FirmwareLine.Vnish12)]
    [InlineData("1.2.6-rc1", FirmwareLine.Vnish12)]
    [InlineData("1.3.4", FirmwareLine.Vnish13)]
    [InlineData("1.3.0-alpha", FirmwareLine.Vnish13)]
    [InlineData("1.3.0-beta.2", FirmwareLine.Vnish13)]
    [InlineData("2.0.1", FirmwareLine.Vnish13)]
    [InlineData(null, FirmwareLine.Vnish12)]
    [InlineData("unknown", FirmwareLine.Vnish12)]
    public void FirmwareLine_PreReleasesCountAsTheirLine(string? version, FirmwareLine line) =>
        Assert.Equal(line, FirmwareLines.FromVersion(version));
}
