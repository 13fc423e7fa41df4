using System.Collections;
using Microsoft.Extensions.Configuration;

namespace FleetServerless.Relay.Configuration;

/// <summary>
/// Maps environment variables that start with <c>FLEET_RELAY_</c> into the <c>Relay</c> section:
/// <c>FLEET_RELAY_Publisher__FunctionKey</c> sets <c>Relay:Publisher:FunctionKey</c>, and
/// <c>FLEET_RELAY_Miners__0__Password</c> sets <c>Relay:Miners:0:Password</c>.
/// </summary>
/// <remarks>Environment variables override <c>relay.json</c>, so secrets can stay out of the file.</remarks>
public static class RelayEnvironmentVariables
{
    public const string Prefix = "FLEET_RELAY_";

    /// <summary>Adds the mapped variables of <paramref name="environment"/> (the process environment when null).</summary>
    public static IConfigurationBuilder AddRelayEnvironmentVariables(
        this IConfigurationBuilder builder, IDictionary? environment = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment ?? Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.Length <= Prefix.Length || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = name[Prefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            values[ConfigurationPath.Combine(RelayOptions.SectionName, key)] = entry.Value as string;
        }

        return builder.AddInMemoryCollection(values);
    }
}
