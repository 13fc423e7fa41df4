using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Ingest;

/// <summary>Settings of both ingest paths.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>The largest HTTPS body accepted, in bytes, after gzip decompression. Default 32 MiB.</summary>
    [Range(1024, 256L * 1024 * 1024, ErrorMessage = "Ingest:MaxRequestBodyBytes must be between 1024 and 268435456 bytes.")]
    public long MaxRequestBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>How many table partitions one ingest writes at the same time. Default 16.</summary>
    [Range(1, 128, ErrorMessage = "Ingest:MaxParallelWrites must be between 1 and 128.")]
    public int MaxParallelWrites { get; set; } = 16;

    /// <summary>
    /// Whether samples are written in entity-group transactions (default true). False writes one entity per
    /// request; it exists for the benchmark's baseline and is slower by an order of magnitude.
    /// </summary>
    public bool UseTransactions { get; set; } = true;

    /// <summary>Retries of a latest-state or relay-state write that lost an optimistic-concurrency race. Default 8.</summary>
    [Range(1, 100, ErrorMessage = "Ingest:MaxConcurrencyRetries must be between 1 and 100.")]
    public int MaxConcurrencyRetries { get; set; } = 8;
}
