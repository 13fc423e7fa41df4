using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Fleet;

public static class FleetServiceCollectionExtensions
{
    /// <summary>Registers the fleet summary service and its HTTP handler.</summary>
    public static IServiceCollection AddFleetSummary(this IServiceCollection services)
    {
        services.AddOptions<FleetOptions>()
            .BindConfiguration(FleetOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FleetSummaryService>();
        services.AddSingleton<FleetHandler>();
        return services;
    }
}
