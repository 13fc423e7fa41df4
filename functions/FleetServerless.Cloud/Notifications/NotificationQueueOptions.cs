namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// Where <see cref="NotificationQueue"/> writes. Not a setting (nothing binds it): the Functions trigger reads
/// the constant <see cref="NotificationQueue.QueueName"/>, so only tests change this, to keep parallel runs on
/// one Azurite apart.
/// </summary>
public sealed class NotificationQueueOptions
{
    /// <summary>The queue name. Default <see cref="NotificationQueue.QueueName"/>.</summary>
    public string QueueName { get; set; } = NotificationQueue.QueueName;
}
