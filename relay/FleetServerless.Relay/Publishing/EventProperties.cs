namespace FleetServerless.Relay.Publishing;

/// <summary>The application properties every telemetry event carries, for consumers that route before parsing.</summary>
public static class EventProperties
{
    /// <summary>The telemetry batch id (string); for a part, the part's own id.</summary>
    public const string BatchId = "batch-id";

    /// <summary>The relay's sequence number of the batch (long); every part of a split batch has the same one.</summary>
    public const string Sequence = "sequence";

    public const string SiteId = "site-id";

    public const string RelayId = "relay-id";

    /// <summary>The telemetry schema version (int).</summary>
    public const string SchemaVersion = "schema-version";

    /// <summary>For a split batch, the part's number, from 1 (int).</summary>
    public const string Part = "part";

    /// <summary>For a split batch, the number of parts (int).</summary>
    public const string Parts = "parts";
}
