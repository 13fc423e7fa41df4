using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>Registers HTTPS ingest, the Event Hubs drain and the processing path both share.</summary>
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SampleWriter>();
        services.AddSingleton<LatestStateWriter>();
        services.AddSingleton<RelayStateWriter>();
        services.AddSingleton<ITelemetryIngestor, TelemetryIngestor>();
        services.AddSingleton<IngestHandler>();

        services.AddOptions<EventHubsOptions>()
            .BindConfiguration(EventHubsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IEventHubsPartitionSource, EventHubsPartitionSource>();
        services.AddSingleton<EventHubsDrain>();
        return services;
    }
}
