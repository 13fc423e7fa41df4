namespace FleetServerless.Core.Alerts;

/// <summary>One subject in a notification: the miner (or relay, or site), its value and since when.</summary>
public sealed record AlertNotificationItem
{
    public required string EventId { get; init; }

    public required AlertSubjectKind SubjectKind { get; init; }

    public required string SubjectId { get; init; }

    public string? Host { get; init; }

    public double? Value { get; init; }

    public DateTimeOffset? Since { get; init; }

    public string? Detail { get; init; }
}
