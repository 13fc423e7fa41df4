namespace FleetServerless.Cloud.Alerts;

/// <summary>The body of <c>POST /api/alerts/mutes</c>. At least one of site, miner and rule is required.</summary>
public sealed record MuteRequest
{
    /// <summary>The site muted; null mutes the miner or rule at every site.</summary>
    public string? SiteId { get; init; }

    /// <summary>The miner (or relay) muted; null mutes every subject in scope.</summary>
    public string? MinerId { get; init; }

    /// <summary>The rule muted; null mutes every rule in scope.</summary>
    public string? RuleId { get; init; }

    /// <summary>When the mute ends, UTC. Either this or <see cref="DurationMinutes"/>.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>How long the mute lasts from now, in minutes.</summary>
    public double? DurationMinutes { get; init; }

    public string? Reason { get; init; }
}
