namespace FleetServerless.Core.Alerts;

/// <summary>What alert evaluation keeps per relay: when its last batch arrived and its sequence number.</summary>
public sealed record RelayAlertPresence
{
    public required string RelayId { get; init; }

    /// <summary>When the cloud side received the relay's newest batch (not when the relay built it).</summary>
    public DateTimeOffset? LastBatchReceivedAt { get; init; }

    /// <summary>The highest batch sequence number seen.</summary>
    public long? LastSequence { get; init; }
}
