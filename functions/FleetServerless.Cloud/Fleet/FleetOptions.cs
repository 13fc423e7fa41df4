using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Fleet;

/// <summary>Settings of the fleet summary.</summary>
public sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    /// <summary>
    /// Age after which a miner's latest sample counts as stale and the miner as not answering, in seconds.
    /// Default 180 (six polls of 30 s).
    /// </summary>
    [Range(30, 86_400, ErrorMessage = "Fleet:StaleAfterSeconds must be between 30 and 86400 seconds.")]
    public int StaleAfterSeconds { get; set; } = 180;

    /// <summary>The window of the two uptimes, in hours, read from the hourly rollups. Default 24.</summary>
    [Range(1, 24 * 31, ErrorMessage = "Fleet:UptimeWindowHours must be between 1 and 744 hours.")]
    public int UptimeWindowHours { get; set; } = 24;
}
