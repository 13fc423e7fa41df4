using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetServerless.Cloud.Notifications;

/// <summary>JSON of queue messages and webhook bodies: camelCase, enums as camelCase strings, nulls left out.</summary>
public static class NotificationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
