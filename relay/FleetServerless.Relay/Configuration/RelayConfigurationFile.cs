using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace FleetServerless.Relay.Configuration;

/// <summary>Finds and loads <c>relay.json</c>, with messages that name the file and the fix.</summary>
public static class RelayConfigurationFile
{
    public const string DefaultFileName = "relay.json";

    /// <summary>The default path: <c>relay.json</c> in the directory of the executable.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultFileName);

    /// <summary>
    /// Builds the relay's configuration from the file and the <c>FLEET_RELAY_</c> environment variables.
    /// </summary>
    /// <exception cref="RelayConfigurationException">The file is missing or is not valid JSON.</exception>
    public static IConfigurationRoot Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new RelayConfigurationException(
                $"Configuration file '{fullPath}' was not found. Pass its path with --config, or copy relay.example.json to {DefaultFileName} next to the relay.");
        }

        CheckJson(fullPath);

        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(fullPath, optional: false, reloadOnChange: false)
                .AddRelayEnvironmentVariables()
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            throw new RelayConfigurationException($"Configuration file '{fullPath}' could not be read: {ex.Message}");
        }
    }

    /// <summary>Binds the <c>Relay</c> section, turning a value of the wrong type into a message naming the setting.</summary>
    /// <exception cref="RelayConfigurationException">A value cannot be converted to its setting's type.</exception>
    public static RelayOptions Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection(RelayOptions.SectionName);
        if (!section.Exists())
        {
            throw new RelayConfigurationException(
                $"The configuration has no \"{RelayOptions.SectionName}\" section. Put the relay's settings in a \"{RelayOptions.SectionName}\" object, as relay.example.json shows.");
        }

        var options = new RelayOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new RelayConfigurationException(DescribeBindFailure(ex));
        }

        return options;
    }

    /// <summary>
    /// Turns the binder's "Failed to convert configuration value at 'Relay:PollInterval' to type
    /// 'System.TimeSpan'" into a message that shows how to write the value.
    /// </summary>
    internal static string DescribeBindFailure(InvalidOperationException ex)
    {
        var message = ex.Message;
        var hint = message.Contains("System.TimeSpan", StringComparison.Ordinal)
            ? " Write durations as hh:mm:ss, such as 00:00:30."
            : message.Contains("System.Int", StringComparison.Ordinal)
                ? " Write a whole number."
                : "";
        return $"{message.TrimEnd('.')}.{hint}";
    }

    private static void CheckJson(string fullPath)
    {
        // The JSON configuration provider reports a syntax error without the line, so parse once here first.
        try
        {
            using var stream = File.OpenRead(fullPath);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RelayConfigurationException(
                    $"Configuration file '{fullPath}' must contain a JSON object with a \"{RelayOptions.SectionName}\" section.");
            }
        }
        catch (JsonException ex)
        {
            throw new RelayConfigurationException(
                $"Configuration file '{fullPath}' is not valid JSON: {ex.Message} Fix the syntax at that line.");
        }
    }
}
