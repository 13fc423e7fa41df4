namespace FleetServerless.Core.Alerts;

/// <summary>
/// A maintenance mute: alerts it covers are still evaluated and recorded, but not delivered, until
/// <see cref="Until"/>. Each null scope field matches everything.
/// </summary>
public sealed record AlertMute
{
    public required string Id { get; init; }

    /// <summary>The site muted, or null for every site.</summary>
    public string? SiteId { get; init; }

    /// <summary>The miner (or relay) muted, or null for every subject.</summary>
    public string? SubjectId { get; init; }

    /// <summary>The rule muted, or null for every rule.</summary>
    public string? RuleId { get; init; }

    /// <summary>When the mute ends, UTC.</summary>
    public required DateTimeOffset Until { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the mute covers this alert at <paramref name="at"/>.</summary>
    public bool Covers(AlertKey key, DateTimeOffset at) =>
        at < Until
        && (SiteId is null || string.Equals(SiteId, key.SiteId, StringComparison.Ordinal))
        && (RuleId is null || string.Equals(RuleId, key.RuleId, StringComparison.Ordinal))
        && (SubjectId is null || string.Equals(SubjectId, key.SubjectId, StringComparison.OrdinalIgnoreCase));
}
