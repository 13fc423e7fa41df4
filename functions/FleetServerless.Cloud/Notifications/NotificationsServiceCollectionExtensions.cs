using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the channel senders, the delivery queue and its handler, and validates <c>Notifications</c>
    /// at start.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();

        // Request logging is removed because the default handlers log each request's address, and webhook
        // addresses and the Telegram path carry tokens.
        services.AddHttpClient(NotificationHttp.ClientName).RemoveAllLoggers();
        services.AddSingleton<NotificationHttp>();
        services.AddSingleton<INotificationSender, SlackSender>();
        services.AddSingleton<INotificationSender, DiscordSender>();
        services.AddSingleton<INotificationSender, TeamsSender>();
        services.AddSingleton<INotificationSender, TelegramSender>();
        services.AddSingleton<INotificationSender, WebhookSender>();
        services.AddSingleton<INotificationSender, EmailSender>();
        services.AddOptions<NotificationQueueOptions>();
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<NotificationDeliveryHandler>();
        return services;
    }
}
