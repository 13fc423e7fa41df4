using System.ComponentModel.DataAnnotations;

namespace FleetServerless.DevHost.Hosting;

/// <summary>Settings of the DevHost itself (section <c>DevHost</c>).</summary>
public sealed class DevHostOptions
{
    public const string SectionName = "DevHost";

    /// <summary>
    /// The function key every non-anonymous route requires. Default: none, and then the key stored in
    /// <see cref="ApiKeyFile"/> is used, generated and printed once on the first run.
    /// </summary>
    [MinLength(16, ErrorMessage = "DevHost:ApiKey must be at least 16 characters long; leave it empty to have one generated.")]
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the generated key is kept. Default: <c>devhost-api-key</c> in the user's local application data
    /// folder under <c>FleetServerless</c>.
    /// </summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>Whether timer functions run on their schedules. Default true; tests turn it off and run timers by hand.</summary>
    public bool TimersEnabled { get; set; } = true;

    /// <summary>Whether queue-triggered functions read their queues. Default true.</summary>
    public bool QueuesEnabled { get; set; } = true;

    /// <summary>
    /// The longest wait between two reads of an empty queue, in milliseconds; waits start at 100 ms and double.
    /// Default 2000 (the Functions host waits up to one minute).
    /// </summary>
    [Range(100, 60_000, ErrorMessage = "DevHost:MaxPollingIntervalMilliseconds must be between 100 and 60000.")]
    public int MaxPollingIntervalMilliseconds { get; set; } = 2000;

    public string ResolveApiKeyFile() =>
        string.IsNullOrWhiteSpace(ApiKeyFile)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "FleetServerless", "devhost-api-key")
            : ApiKeyFile;
}
