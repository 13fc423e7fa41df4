using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Rollups;

public static class RollupServiceCollectionExtensions
{
    /// <summary>Registers the rollup builder and the retention job.</summary>
    public static IServiceCollection AddRollups(this IServiceCollection services)
    {
        services.AddOptions<RollupOptions>()
            .BindConfiguration(RollupOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RollupBuilder>();
        services.AddSingleton<RetentionJob>();
        return services;
    }
}
