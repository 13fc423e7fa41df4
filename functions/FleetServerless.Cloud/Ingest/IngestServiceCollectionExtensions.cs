using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>Registers HTTPS ingest and the processing path both ingest functions share.</summary>
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
        return services;
    }
}
