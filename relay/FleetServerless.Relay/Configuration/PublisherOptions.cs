namespace FleetServerless.Relay.Configuration;

/// <summary>Which transport forwards batches to the cloud side, and its settings.</summary>
public sealed class PublisherOptions
{
    /// <summary>The HTTPS publisher, which posts to the ingest function.</summary>
    public const string HttpsKind = "https";

    /// <summary>The Event Hubs publisher.</summary>
    public const string EventHubsKind = "eventhubs";

    /// <summary><c>https</c> (the default) or <c>eventhubs</c>.</summary>
    public string Kind { get; set; } = HttpsKind;

    /// <summary>
    /// The ingest function's URL, such as <c>https://fleet.example/api/ingest</c>. Required for <c>https</c>.
    /// </summary>
    public string? IngestUrl { get; set; }

    /// <summary>The ingest function's key, sent as <c>x-functions-key</c>. Secret: never logged.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>Maximum time for one HTTPS request attempt. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one HTTPS send after a network error, 408, 429 or 5xx. Default 3; 0 to 10.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The first delay between two attempts. Later delays double, with jitter, up to
    /// <see cref="MaxRetryDelay"/>. Default 2 s.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Maximum wait before the outbox is tried again after a failed send. Default 5 minutes; not less than
    /// <see cref="RetryDelay"/>.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Event Hubs settings, used when <see cref="Kind"/> is <c>eventhubs</c>.</summary>
    public EventHubsOptions EventHubs { get; set; } = new();
}
