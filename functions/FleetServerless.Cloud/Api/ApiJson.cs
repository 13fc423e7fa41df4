using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetServerless.Cloud.Api;

/// <summary>
/// The JSON form of the owner API: camelCase, enums as camelCase strings, and unknown values written as
/// explicit nulls so a client can tell "unknown" from a missing field.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
