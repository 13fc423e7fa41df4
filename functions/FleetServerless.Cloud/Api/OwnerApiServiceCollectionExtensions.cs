using FleetServerless.Cloud.Api.Export;
using FleetServerless.Cloud.Api.History;
using FleetServerless.Cloud.Api.Miners;
using FleetServerless.Cloud.Dashboard;
using FleetServerless.Cloud.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetServerless.Cloud.Api;

public static class OwnerApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the owner API (miners, history, exports), the dashboard page and the fleet metrics for
    /// Azure Monitor. Needs the storage and fleet summary services that <c>AddFleetCloud</c> registers first.
    /// </summary>
    public static IServiceCollection AddOwnerApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<OwnerApiOptions>()
            .BindConfiguration(OwnerApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TableReadCounter>();
        services.AddSingleton<LatestStateReader>();
        services.AddSingleton<HistoryReader>();
        services.AddSingleton<MinersHandler>();
        services.AddSingleton<HistoryHandler>();
        services.AddSingleton<ExportHandler>();
        services.AddSingleton(_ => DashboardAssets.Load());
        services.AddSingleton<DashboardHandler>();
        services.AddFleetTelemetry(configuration);
        return services;
    }
}
