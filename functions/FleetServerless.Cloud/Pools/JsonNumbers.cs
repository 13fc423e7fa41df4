using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Pools;

/// <summary>Reads numbers from pool JSON, where they may arrive as numbers, numeric strings or null.</summary>
public static class JsonNumbers
{
    /// <summary>
    /// Returns the number at <paramref name="node"/>, parsing a numeric string with the invariant culture.
    /// Null, a missing field or an unreadable value gives null; an unreadable value is added to
    /// <paramref name="problems"/> with its text.
    /// </summary>
    public static double? Read(JsonNode? node, string description, ICollection<string>? problems = null)
    {
        if (node is not JsonValue value)
        {
            if (node is not null)
            {
                problems?.Add($"{description} is a JSON {node.GetValueKind()}, not a number.");
            }

            return null;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                return value.GetValue<double>();
            case JsonValueKind.String:
                var text = value.GetValue<string>().Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                {
                    return parsed;
                }

                problems?.Add($"{description} is '{Shorten(text)}', not a number.");
                return null;
            case JsonValueKind.Null:
                return null;
            default:
                problems?.Add($"{description} is {value.ToJsonString()}, not a number.");
                return null;
        }
    }

    /// <summary>Returns the text at <paramref name="node"/>: a string as is, a number in invariant form, else null.</summary>
    public static string? ReadText(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
