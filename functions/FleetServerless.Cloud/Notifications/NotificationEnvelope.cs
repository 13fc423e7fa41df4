using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// The body of one delivery queue message: one notification for one channel, so a failing channel is retried
/// alone and the others are not sent twice.
/// </summary>
public sealed record NotificationEnvelope
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The channel's name in <c>Notifications:Channels</c>.</summary>
    public required string Channel { get; init; }

    public required AlertNotification Notification { get; init; }

    /// <summary>When evaluation queued the message, UTC.</summary>
    public required DateTimeOffset QueuedAt { get; init; }
}
