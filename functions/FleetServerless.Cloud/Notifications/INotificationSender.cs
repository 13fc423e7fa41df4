namespace FleetServerless.Cloud.Notifications;

/// <summary>Sends notifications to channels of one type.</summary>
public interface INotificationSender
{
    /// <summary>The channel type handled, one of <see cref="ChannelTypes"/>.</summary>
    string ChannelType { get; }

    /// <summary>
    /// Sends the notification once. Throws <see cref="NotificationDeliveryException"/> when the receiver does not
    /// accept it, so the queue delivers the message again.
    /// </summary>
    Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken);
}
