using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Notifications;

/// <summary>One attempt to send one notification to one channel.</summary>
/// <param name="ChannelName">The channel's name in configuration, safe to log.</param>
/// <param name="Channel">The channel's settings, secrets included: never log them.</param>
/// <param name="Notification">What to send.</param>
/// <param name="Text">The message words, built once for every channel.</param>
public sealed record NotificationDelivery(
    string ChannelName, ChannelOptions Channel, AlertNotification Notification, NotificationText Text);
