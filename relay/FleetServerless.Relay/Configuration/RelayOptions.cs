namespace FleetServerless.Relay.Configuration;

/// <summary>The relay's settings, bound from the <c>Relay</c> section of <c>relay.json</c> and the environment.</summary>
public sealed class RelayOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Relay";

    /// <summary>The mine this relay sits in; it becomes a Table Storage key and the Event Hubs partition key. Required.</summary>
    public string SiteId { get; set; } = "";

    /// <summary>This relay's id, unique within the site. Required.</summary>
    public string RelayId { get; set; } = "";

    /// <summary>Time between the starts of two poll cycles. Default 30 s; 1 s to 1 hour.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Maximum time one miner may take to respond in a cycle, retries included. Default 10 s; at least 100 ms and
    /// shorter than <see cref="PollInterval"/>.
    /// </summary>
    public TimeSpan MinerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Maximum number of miners polled at the same time. Default 64; 1 to 4,096.</summary>
    public int MaxParallelPolls { get; set; } = 64;

    /// <summary>
    /// Networks in CIDR notation (<c>127.0.0.0/24</c>) that the relay may poll. Empty (the default) means the
    /// networks of the configured miners: the /24 of each IPv4 address and the /64 of each IPv6 address.
    /// </summary>
    public List<string> PollAllowlist { get; set; } = [];

    /// <summary>The miners to poll, in the order their samples appear in a batch.</summary>
    public List<MinerOptions> Miners { get; set; } = [];

    /// <summary>The SQLite outbox that stores every batch until the publisher confirms it.</summary>
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>Where batches are sent.</summary>
    public PublisherOptions Publisher { get; set; } = new();
}
