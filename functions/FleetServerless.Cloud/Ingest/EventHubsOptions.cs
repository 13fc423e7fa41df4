using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// Where the Event Hubs drain reads. The drain is off while <see cref="HubName"/> is empty, so the HTTPS path
/// alone works without any Event Hubs setting.
/// </summary>
public sealed class EventHubsOptions : IValidatableObject
{
    public const string SectionName = "EventHubs";

    /// <summary>A connection string with listen rights. Default: none; else <see cref="FullyQualifiedNamespace"/> is used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The namespace host (<c>name.servicebus.windows.net</c>), read with managed identity. Default: none.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The hub the relays publish to. Default: none, which turns the drain off.</summary>
    public string? HubName { get; set; }

    /// <summary>The consumer group the drain reads as. Default <c>$Default</c>.</summary>
    public string ConsumerGroup { get; set; } = "$Default";

    /// <summary>
    /// How long one drain run reads before it stops, in seconds. Default 20, well under the 30-second timer period
    /// so runs do not pile up.
    /// </summary>
    [Range(1, 280, ErrorMessage = "EventHubs:TimeBudgetSeconds must be between 1 and 280 seconds (the function timeout is 300).")]
    public int TimeBudgetSeconds { get; set; } = 20;

    /// <summary>Events read per receive call and written as one chunk. Default 100.</summary>
    [Range(1, 1000, ErrorMessage = "EventHubs:MaxEventsPerReceive must be between 1 and 1000.")]
    public int MaxEventsPerReceive { get; set; } = 100;

    /// <summary>How long one receive call waits for events on an empty partition, in milliseconds. Default 1000.</summary>
    [Range(10, 60_000, ErrorMessage = "EventHubs:MaxWaitMilliseconds must be between 10 and 60000.")]
    public int MaxWaitMilliseconds { get; set; } = 1000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(HubName);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(FullyQualifiedNamespace))
        {
            yield return new ValidationResult(
                $"EventHubs:HubName is '{HubName}' but neither EventHubs:ConnectionString nor EventHubs:FullyQualifiedNamespace is set. " +
                "Set one of them, or clear EventHubs:HubName to turn the drain off.",
                [nameof(ConnectionString), nameof(FullyQualifiedNamespace)]);
        }
    }
}
