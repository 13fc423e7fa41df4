namespace FleetServerless.Relay.Configuration;

/// <summary>The SQLite outbox file and its size bound.</summary>
public sealed class OutboxOptions
{
    /// <summary>
    /// Path of the SQLite file. A relative path is taken from the directory of the executable. Default
    /// <c>outbox.db</c>.
    /// </summary>
    public string Path { get; set; } = "outbox.db";

    /// <summary>
    /// Maximum total size in bytes of the stored batches (compressed payloads). Past it, the samples of the
    /// oldest batches are dropped. Default 268,435,456 (256 MiB); at least 1,048,576 (1 MiB).
    /// </summary>
    public long MaxSizeBytes { get; set; } = 256L * 1024 * 1024;
}
