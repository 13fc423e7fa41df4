using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FleetServerless.Simulator.Tests;

/// <summary>
/// A component schema of the vendor's OpenAPI document, as a JSON Schema 2020-12 schema. The document's
/// <c>components.schemas</c> become <c>$defs</c> of a wrapper schema, so <c>$ref</c>s between components resolve.
/// </summary>
internal static class VendorSchema
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new();

    /// <summary>Validates <paramref name="answer"/> against <c>components.schemas.{name}</c>; returns the errors found.</summary>
    public static IReadOnlyList<string> Validate(string firmwareVersion, string name, JsonNode? answer)
    {
        var schema = Cache.GetOrAdd($"{firmwareVersion}/{name}", _ => Load(firmwareVersion, name));
        var result = schema.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
            .ToArray();
    }

    /// <summary>Validates an array whose items follow one component schema.</summary>
    public static IReadOnlyList<string> ValidateArray(string firmwareVersion, string itemName, JsonNode? answer)
    {
        if (answer is not JsonArray array)
        {
            return ["the answer is not an array"];
        }

        return array.SelectMany((item, i) => Validate(firmwareVersion, itemName, item).Select(e => $"[{i}] {e}")).ToArray();
    }

    private static JsonSchema Load(string firmwareVersion, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "VendorSchemas", $"vnish-{firmwareVersion}.json");
        var text = File.ReadAllText(path).Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var document = JsonNode.Parse(text)!;
        var definitions = document["components"]!["schemas"]!.DeepClone();
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://schemas.fleetserverless.test/vnish/{firmwareVersion}/{name}",
            ["$defs"] = definitions,
            ["$ref"] = $"#/$defs/{name}",
        };
        return JsonSchema.FromText(wrapper.ToJsonString());
    }
}
