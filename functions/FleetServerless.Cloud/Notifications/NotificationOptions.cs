namespace FleetServerless.Cloud.Notifications;

/// <summary>Where alerts are delivered: the channels by name.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The channels, by a name of the operator's choice (<c>ops-slack</c>). Default: none (alerts are only logged).</summary>
    public Dictionary<string, ChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The dashboard address, linked from messages when set. Must be https except on loopback. Default: none.
    /// </summary>
    public Uri? DashboardUrl { get; set; }
}
