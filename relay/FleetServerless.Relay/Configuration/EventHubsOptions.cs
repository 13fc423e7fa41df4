namespace FleetServerless.Relay.Configuration;

/// <summary>
/// The Event Hubs connection: either <see cref="ConnectionString"/>, or <see cref="FullyQualifiedNamespace"/>
/// with <c>DefaultAzureCredential</c>.
/// </summary>
public sealed class EventHubsOptions
{
    /// <summary>
    /// A connection string with a send-only policy. Secret: never logged. When it names no entity,
    /// <see cref="EventHubName"/> is required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The namespace host, such as <c>fleet.servicebus.windows.net</c>, used with <c>DefaultAzureCredential</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The event hub's name. Required unless the connection string contains <c>EntityPath</c>.</summary>
    public string? EventHubName { get; set; }

    /// <summary>
    /// Maximum size in bytes of one event batch, when smaller than the hub's own limit (1 MB on Standard,
    /// 256 KB on Basic). Null (the default) takes the hub's limit.
    /// </summary>
    public long? MaxBatchSizeBytes { get; set; }
}
