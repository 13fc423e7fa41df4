using System.ComponentModel.DataAnnotations;

namespace FleetServerless.DevHost.Hosting;

/// <summary>
/// The queue trigger's behaviour, read from <c>extensions:queues</c> of the repository's <c>host.json</c> so the
/// DevHost retries and poisons messages as the Functions host does. The defaults are the Functions host's.
/// </summary>
public sealed class QueueTriggerOptions
{
    /// <summary>The section of <c>host.json</c>.</summary>
    public const string HostJsonSection = "extensions:queues";

    /// <summary><c>base64</c> (default) or <c>none</c>; producers must encode the same way.</summary>
    [RegularExpression("^(?i)(base64|none)$", ErrorMessage = "extensions:queues:messageEncoding in host.json must be 'base64' or 'none'.")]
    public string MessageEncoding { get; set; } = "base64";

    /// <summary>Deliveries before a message moves to <c>&lt;queue&gt;-poison</c>. Default 5.</summary>
    [Range(1, 1000, ErrorMessage = "extensions:queues:maxDequeueCount in host.json must be between 1 and 1000.")]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a failed message stays invisible before its next delivery. Default 0 (at once).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Messages read per request. Default 16, the most one request returns is 32.</summary>
    [Range(1, 32, ErrorMessage = "extensions:queues:batchSize in host.json must be between 1 and 32.")]
    public int BatchSize { get; set; } = 16;

    /// <summary>How long a message is hidden while its function runs. The Functions host uses 10 minutes.</summary>
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromMinutes(10);
}
