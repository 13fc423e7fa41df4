using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>Filters of an alert log read; a null filter matches everything.</summary>
public sealed record AlertLogQuery
{
    public string? SiteId { get; init; }

    /// <summary>The miner, relay or site the events are about.</summary>
    public string? SubjectId { get; init; }

    public string? RuleId { get; init; }

    public AlertEventKind? Kind { get; init; }

    /// <summary>The earliest event time included, UTC.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The latest event time included, UTC.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>The most entries returned, newest first.</summary>
    public required int Limit { get; init; }
}
