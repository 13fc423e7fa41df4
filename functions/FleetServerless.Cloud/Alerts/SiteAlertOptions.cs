namespace FleetServerless.Cloud.Alerts;

/// <summary>Settings of one site, under <c>Alerts:Sites:&lt;site id&gt;</c>.</summary>
public sealed class SiteAlertOptions
{
    /// <summary>Rule overrides for this site only, by rule id. Default: none.</summary>
    public Dictionary<string, RuleOverrideOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
