using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Registers alert evaluation (after every ingested batch and on the watchdog timer), the alert tables, the
    /// alert API and delivery, and validates <c>Alerts</c> and <c>Notifications</c> at start. Needs the storage
    /// registration (<c>AddFleetStorage</c>); the pool rules run when the pool area is registered too.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();

        services.AddNotifications();
        services.AddSingleton<AlertStateStore>();
        services.AddSingleton<AlertLogStore>();
        services.AddSingleton<AlertMuteStore>();
        services.AddSingleton<AlertEvaluationService>();
        services.AddSingleton<IIngestedBatchObserver, AlertBatchObserver>();
        services.AddSingleton<AlertWatchdog>();
        services.AddSingleton<ActiveAlertReader>();
        services.AddSingleton<AlertsHandler>();
        return services;
    }
}
