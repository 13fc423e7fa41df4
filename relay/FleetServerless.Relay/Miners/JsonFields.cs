using System.Globalization;
using System.Text.Json;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Tolerant reads of miner JSON. A missing or null field is unknown (null) and is not a problem. A field of the wrong
/// kind is unknown too and adds one entry to the problem list, so one odd field never costs the rest of a sample.
/// </summary>
/// <remarks>Numbers are accepted as JSON numbers or as strings padded with spaces (<c>"  5.0000"</c>).</remarks>
internal sealed class JsonFields(List<string> problems)
{
    public List<string> Problems { get; } = problems;

    public static JsonElement? Property(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Null ? null : value;
    }

    public JsonElement? Object(JsonElement? parent, string name, string path)
    {
        var value = Property(parent, name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            Problems.Add($"{path}: expected an object, got {Describe(value.Value)}.");
            return null;
        }

        return value;
    }

    public JsonElement? Array(JsonElement? parent, string name, string path)
    {
        var value = Property(parent, name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Problems.Add($"{path}: expected an array, got {Describe(value.Value)}.");
            return null;
        }

        return value;
    }

    public double? Number(JsonElement? parent, string name, string path) => ToNumber(Property(parent, name), path);

    /// <summary>Converts a number or a numeric string; an empty string (an absent chain) is unknown without a problem.</summary>
    public double? ToNumber(JsonElement? value, string path)
    {
        if (value is not { } element)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.GetDouble();
            case JsonValueKind.String:
                var text = element.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                {
                    return parsed;
                }

                Problems.Add($"{path}: '{Shorten(text)}' is not a finite number.");
                return null;
            default:
                Problems.Add($"{path}: expected a number, got {Describe(element)}.");
                return null;
        }
    }

    public long? Integer(JsonElement? parent, string name, string path)
    {
        var number = Number(parent, name, path);
        if (number is null)
        {
            return null;
        }

        if (number.Value != Math.Floor(number.Value) || Math.Abs(number.Value) > long.MaxValue / 2.0)
        {
            Problems.Add($"{path}: {number.Value.ToString(CultureInfo.InvariantCulture)} is not a whole number.");
            return null;
        }

        return (long)number.Value;
    }

    public string? Text(JsonElement? parent, string name, string path)
    {
        var value = Property(parent, name);
        if (value is null)
        {
            return null;
        }

        return value.Value.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString(),
            JsonValueKind.Number => value.Value.GetRawText(),
            _ => Reject(value.Value, path),
        };
    }

    public bool? Boolean(JsonElement? parent, string name, string path)
    {
        var value = Property(parent, name);
        switch (value?.ValueKind)
        {
            case null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when bool.TryParse(value.Value.GetString()!.Trim(), out var parsed):
                return parsed;
            default:
                Problems.Add($"{path}: expected true or false, got {Describe(value!.Value)}.");
                return null;
        }
    }

    private string? Reject(JsonElement value, string path)
    {
        Problems.Add($"{path}: expected text, got {Describe(value)}.");
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string '{Shorten(value.GetString()!)}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => value.GetRawText(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
