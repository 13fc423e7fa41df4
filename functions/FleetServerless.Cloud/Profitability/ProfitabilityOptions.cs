namespace FleetServerless.Cloud.Profitability;

/// <summary>Power prices and revenue choices per site.</summary>
public sealed class ProfitabilityOptions
{
    public const string SectionName = "Profitability";

    /// <summary>Settings per site id. Default empty: every site uses <see cref="DefaultSite"/>.</summary>
    public Dictionary<string, SiteProfitabilityOptions> Sites { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Settings of sites not listed in <see cref="Sites"/>. Default: network estimate, no power price, 0 % fee.</summary>
    public SiteProfitabilityOptions DefaultSite { get; set; } = new();

    /// <summary>Returns the settings of a site.</summary>
    public SiteProfitabilityOptions ForSite(string siteId) => Sites.GetValueOrDefault(siteId) ?? DefaultSite;
}
