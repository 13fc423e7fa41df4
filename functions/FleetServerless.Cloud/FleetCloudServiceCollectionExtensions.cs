using FleetServerless.Cloud.Alerts;
using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Fleet;
using FleetServerless.Cloud.Hosting;
using FleetServerless.Cloud.Ingest;
using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Rollups;
using FleetServerless.Cloud.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetServerless.Cloud;

/// <summary>The one registration call both cloud hosts make.</summary>
public static class FleetCloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers every area of the cloud side. Each area has its own <c>Add…</c> extension method in its folder;
    /// a new area adds one line here. Options bind from configuration sections named by each options class's
    /// <c>SectionName</c>, so <paramref name="configuration"/> is the host's configuration.
    /// </summary>
    public static IServiceCollection AddFleetCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddSingleton<HealthHandler>();

        services.AddFleetStorage();
        services.AddIngest();
        services.AddFleetSummary();
        services.AddRollups();
        services.AddOwnerApi(configuration);
        services.AddAlerts(configuration);
        services.AddPools(configuration);

        // Other areas register here, one line each, for example:
        // services.AddPools(configuration);
        return services;
    }
}
