using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Pools.ViaBtc;

/// <summary>Checks that ViaBTC has an address and a key when it is the chosen provider.</summary>
public sealed class ViaBtcOptionsValidator : IValidateOptions<ViaBtcOptions>
{
    public ValidateOptionsResult Validate(string? name, ViaBtcOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri || !options.BaseUrl.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{ViaBtcOptions.SectionName}:BaseUrl is missing or not an absolute http(s):// URL ('{options.BaseUrl}'). Set it to the pool's openapi/v1/ address.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{ViaBtcOptions.SectionName}:ApiKey is missing. Create a read-only API key in the ViaBTC account settings.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
