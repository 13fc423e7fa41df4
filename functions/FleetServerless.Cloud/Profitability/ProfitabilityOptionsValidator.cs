using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Profitability;

/// <summary>Checks every site's power price and pool fee.</summary>
public sealed class ProfitabilityOptionsValidator : IValidateOptions<ProfitabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ProfitabilityOptions options)
    {
        var failures = new List<string>();
        Check(options.DefaultSite, $"{ProfitabilityOptions.SectionName}:DefaultSite", failures);
        foreach (var (siteId, site) in options.Sites)
        {
            Check(site, $"{ProfitabilityOptions.SectionName}:Sites:{siteId}", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(SiteProfitabilityOptions site, string path, List<string> failures)
    {
        if (site.PowerPriceUsdPerKwh is < 0 or > 10)
        {
            failures.Add($"{path}:PowerPriceUsdPerKwh is {site.PowerPriceUsdPerKwh}; set a price in USD per kWh between 0 and 10 (for example 0.08).");
        }

        if (site.PoolFeePercent is < 0 or > 100 || double.IsNaN(site.PoolFeePercent))
        {
            failures.Add($"{path}:PoolFeePercent is {site.PoolFeePercent}; set a percentage between 0 and 100 (for example 2).");
        }
    }
}
