namespace FleetServerless.Relay.Miners;

/// <summary>One miner's web API session: its token, and the gates that keep the relay from hammering unlock.</summary>
internal sealed class VnishAuthState
{
    /// <summary>Serializes unlocks of one miner, so concurrent reads share one token.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string? Token { get; set; }

    /// <summary>No unlock is sent before this time, after a 429 from the miner.</summary>
    public DateTimeOffset? LockedOutUntil { get; set; }

    /// <summary>A hash of the password the miner rejected with 403, so a changed setting is tried at once.</summary>
    public string? RejectedPasswordHash { get; set; }

    /// <summary>No unlock with the rejected password is sent before this time.</summary>
    public DateTimeOffset? RejectedPasswordRetryAt { get; set; }

    /// <summary>Whether the last unlock failed, so a later success is logged.</summary>
    public bool LastUnlockFailed { get; set; }
}
