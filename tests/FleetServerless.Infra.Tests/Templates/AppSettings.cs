using System.Text.Json.Nodes;

namespace FleetServerless.Infra.Tests.Templates;

/// <summary>The Function App's app settings as main.bicep passes them to its functionApp module.</summary>
internal static class AppSettings
{
    /// <summary>
    /// Setting name to value; a value computed at deployment is the ARM expression text, such as
    /// <c>[reference(...).outputs.accountName.value]</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(CompiledTemplate template)
    {
        var value = template.Module("functionApp")["properties"]?["parameters"]?["appSettings"]?["value"];
        Assert.True(
            value is JsonObject,
            "main.bicep must pass the functionApp module's appSettings as an object literal, so its names can be read from the compiled template.");

        return value!.AsObject().ToDictionary(
            pair => pair.Key,
            pair => pair.Value is JsonValue text && text.TryGetValue<string>(out var s) ? s : pair.Value?.ToJsonString() ?? "",
            StringComparer.Ordinal);
    }
}
