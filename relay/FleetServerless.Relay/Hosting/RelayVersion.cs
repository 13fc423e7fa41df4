using System.Reflection;

namespace FleetServerless.Relay.Hosting;

/// <summary>The relay's version as built, sent in every heartbeat.</summary>
public static class RelayVersion
{
    /// <summary>The informational version without the source revision suffix, such as <c>0.1.0</c>.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(RelayVersion).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(RelayVersion).Assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
