using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>Checks the network source addresses and the source order.</summary>
public sealed class NetworkEstimateOptionsValidator : IValidateOptions<NetworkEstimateOptions>
{
    private static readonly string[] KnownSources = [BlockchairSource.SourceName, CoinGeckoSource.SourceName, WhatToMineSource.SourceName];

    public ValidateOptionsResult Validate(string? name, NetworkEstimateOptions options)
    {
        var failures = new List<string>();
        CheckUrl(options.BlockchairBaseUrl, nameof(options.BlockchairBaseUrl), failures);
        CheckUrl(options.CoinGeckoBaseUrl, nameof(options.CoinGeckoBaseUrl), failures);
        CheckUrl(options.WhatToMineBaseUrl, nameof(options.WhatToMineBaseUrl), failures);
        foreach (var source in options.SourceOrder.Where(s => !KnownSources.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add($"{NetworkEstimateOptions.SectionName}:SourceOrder contains '{source}', which is not a source. Use {string.Join(", ", KnownSources)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns the address when it is absolute; an empty setting binds as an empty relative URI and means "off".</summary>
    public static Uri? Enabled(Uri? url) => url is { IsAbsoluteUri: true } ? url : null;

    private static void CheckUrl(Uri? url, string setting, List<string> failures)
    {
        if (url is not null && !url.IsAbsoluteUri && url.OriginalString.Length > 0)
        {
            failures.Add($"{NetworkEstimateOptions.SectionName}:{setting} '{url}' is not an absolute http(s):// URL. Set a full address ending in '/', or leave it empty to turn the source off.");
        }
    }
}
