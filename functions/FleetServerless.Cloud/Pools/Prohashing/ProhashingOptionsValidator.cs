using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>Checks that the chosen Prohashing source has its address and key.</summary>
public sealed class ProhashingOptionsValidator : IValidateOptions<ProhashingOptions>
{
    public ValidateOptionsResult Validate(string? name, ProhashingOptions options)
    {
        var failures = new List<string>();
        switch (options.Source)
        {
            case ProhashingSourceKind.Wamp:
                RequireAbsolute(options.WampUrl, "WampUrl", "ws", failures);
                RequireKey(options, failures);
                break;
            case ProhashingSourceKind.Rest:
                RequireAbsolute(options.RestBaseUrl, "RestBaseUrl", "http", failures);
                RequireKey(options, failures);
                break;
            case ProhashingSourceKind.Proxy:
                RequireAbsolute(options.ProxyBaseUrl, "ProxyBaseUrl", "http", failures);
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireAbsolute(Uri? url, string setting, string schemePrefix, List<string> failures)
    {
        if (url is null || !url.IsAbsoluteUri || !url.Scheme.StartsWith(schemePrefix, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{ProhashingOptions.SectionName}:{setting} is missing or not an absolute {schemePrefix}(s):// URL ('{url}'). Set it, or choose another Source.");
        }
    }

    private static void RequireKey(ProhashingOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{ProhashingOptions.SectionName}:ApiKey is missing: the {options.Source} source needs the account API key from the pool's account page.");
        }
    }
}
