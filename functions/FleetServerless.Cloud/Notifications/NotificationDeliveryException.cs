namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// A channel did not accept a notification. The message names the channel and the status, never the channel's
/// address or secret, so it is safe to log; the queue delivers the message again.
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

    /// <summary>The HTTP status the receiver answered, when it answered.</summary>
    public int? StatusCode { get; init; }
}
