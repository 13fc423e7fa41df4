using System.Text.Json.Nodes;

namespace FleetServerless.Infra.Tests.Settings;

/// <summary>The <c>Values</c> of local.settings.example.json at the repository root.</summary>
internal static class LocalSettingsExample
{
    public static JsonObject Load() => JsonNode.Parse(File.ReadAllText(RepositoryPaths.LocalSettingsExample))!.AsObject();

    /// <summary>Returns setting name to value. A value that is not a JSON string fails the test, because Core Tools needs strings.</summary>
    public static IReadOnlyDictionary<string, string> Values()
    {
        var values = Load()["Values"];
        Assert.True(values is JsonObject, "local.settings.example.json has no Values object.");

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values!.AsObject())
        {
            Assert.True(
                value is JsonValue text && text.TryGetValue<string>(out _),
                $"local.settings.example.json Values.{name} must be a JSON string; Core Tools reads every value as text.");
            result[name] = (string)value!;
        }

        return result;
    }
}
