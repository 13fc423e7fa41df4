using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Alerts;

/// <summary>Alert evaluation settings. <c>docs/alerts.md</c> lists every rule with its defaults.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Whether batches and the watchdog are evaluated at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Subjects of one site raising the same rule in one evaluation that get one grouped message. Default 5.</summary>
    [Range(2, 10_000, ErrorMessage = "Alerts:StormMinSubjects must be between 2 and 10000.")]
    public int StormMinSubjects { get; set; } = 5;

    /// <summary>The span over which fires and resolves are counted for flapping. Default 1 hour.</summary>
    public TimeSpan FlappingWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Fires plus resolves within the window at which an alert is held as flapping. Default 4.</summary>
    [Range(2, 1000, ErrorMessage = "Alerts:FlappingMaxTransitions must be between 2 and 1000.")]
    public int FlappingMaxTransitions { get; set; } = 4;

    /// <summary>Samples older than this on arrival (an outbox replay) raise no alert. Default 10 minutes.</summary>
    public TimeSpan MaxSampleAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a miner may be missing from its relay's batches before the watchdog judges it. Default 2 minutes.</summary>
    public TimeSpan AbsenceGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most history entries <c>GET /api/alerts</c> returns in one response. Default 1000.</summary>
    [Range(1, 10_000, ErrorMessage = "Alerts:MaxHistoryResults must be between 1 and 10000.")]
    public int MaxHistoryResults { get; set; } = 1000;

    /// <summary>
    /// Rule overrides for every site, by rule id. A rule id may be written as in the catalog
    /// (<c>chip-temp-high</c>) or without dashes (<c>ChipTempHigh</c>), which app settings on Linux need.
    /// Default: none.
    /// </summary>
    public Dictionary<string, RuleOverrideOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-site settings, by site id. Default: none.</summary>
    public Dictionary<string, SiteAlertOptions> Sites { get; set; } = new(StringComparer.Ordinal);
}
