using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace FleetServerless.Cloud.Telemetry;

public static class FleetTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the fleet gauges (meter <c>FleetServerless.Fleet</c>), their refresher and OpenTelemetry
    /// metrics, exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
    /// </summary>
    public static IServiceCollection AddFleetTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<FleetTelemetryOptions>()
            .BindConfiguration(FleetTelemetryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<FleetMetricsSnapshot>();
        services.AddSingleton<FleetMeter>();
        services.AddSingleton<FleetMetricsRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<FleetMetricsRefresher>());

        var connectionString = configuration[FleetTelemetryOptions.ConnectionStringSetting];
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(FleetMeter.MeterName);
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                metrics.AddAzureMonitorMetricExporter(exporter => exporter.ConnectionString = connectionString);
            }
        });
        return services;
    }
}
