using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetServerless.Core.Telemetry;

/// <summary>
/// The JSON form of the telemetry contract: camelCase names, nulls left out, UTC ISO 8601 times.
/// </summary>
public static class TelemetryJson
{
    /// <summary>Options both halves use to write and read batches.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(TelemetryBatch batch) =>
        JsonSerializer.Serialize(batch, TelemetryJsonContext.Default.TelemetryBatch);

    public static byte[] SerializeToUtf8Bytes(TelemetryBatch batch) =>
        JsonSerializer.SerializeToUtf8Bytes(batch, TelemetryJsonContext.Default.TelemetryBatch);

    /// <summary>Reads a batch; throws <see cref="JsonException"/> with the path of the bad token.</summary>
    public static TelemetryBatch? Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, TelemetryJsonContext.Default.TelemetryBatch);

    public static ValueTask<TelemetryBatch?> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken) =>
        JsonSerializer.DeserializeAsync(utf8Json, TelemetryJsonContext.Default.TelemetryBatch, cancellationToken);

    private static JsonSerializerOptions CreateOptions() => new(TelemetryJsonContext.Default.Options);
}

/// <summary>Source-generated serializers for the contract, so the relay and ingest avoid reflection.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TelemetryBatch))]
public sealed partial class TelemetryJsonContext : JsonSerializerContext;
