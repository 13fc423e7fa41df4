using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the table clients and the read stores other areas use.</summary>
    public static IServiceCollection AddFleetStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FleetTableClients>();
        services.AddSingleton<LatestStateStore>();
        services.AddSingleton<SampleStore>();
        services.AddSingleton<RelayStore>();
        services.AddSingleton<RollupStore>();
        return services;
    }
}
