namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// A channel did not accept a notification, so the queue delivers the message again. The exception message
/// names the channel and the status, never the channel's address or secret, and is safe to log.
/// </summary>
public sealed class NotificationDeliveryException : Exception
{
    public NotificationDeliveryException(string message)
        : base(message)
    {
    }

    public NotificationDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the receiver returned, or null when it returned none.</summary>
    public int? StatusCode { get; init; }
}
