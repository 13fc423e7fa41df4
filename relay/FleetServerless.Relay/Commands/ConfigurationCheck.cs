using FleetServerless.Relay.Configuration;
using Microsoft.Extensions.Configuration;

namespace FleetServerless.Relay.Commands;

/// <summary>Loads and validates a configuration file the way the relay does at start, collecting the messages.</summary>
internal static class ConfigurationCheck
{
    /// <summary>Returns the loaded configuration and options, or the messages that state why they are invalid.</summary>
    public static (IConfigurationRoot? Configuration, RelayOptions? Options, IReadOnlyList<string> Problems) Run(string path)
    {
        try
        {
            var configuration = RelayConfigurationFile.Load(path);
            var options = RelayConfigurationFile.Bind(configuration);
            return (configuration, options, RelayOptionsValidator.Collect(options));
        }
        catch (RelayConfigurationException ex)
        {
            return (null, null, [ex.Message]);
        }
    }

    public static void WriteProblems(TextWriter error, string path, IReadOnlyList<string> problems)
    {
        error.WriteLine($"Configuration '{Path.GetFullPath(path)}' is invalid:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem}");
        }
    }
}
