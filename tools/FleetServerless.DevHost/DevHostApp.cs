using FleetServerless.Cloud;
using FleetServerless.DevHost.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FleetServerless.DevHost;

/// <summary>
/// Builds and starts the DevHost: the cloud side's functions on ASP.NET Core, with the Functions app's routes,
/// keys, schedules and queues. <see cref="StartAsync"/> is the in-process start for tests and the demo.
/// </summary>
/// <remarks>
/// Configuration, later sources winning: <c>devhost.json</c> in the working folder, environment variables,
/// the command line, then the settings passed to <see cref="StartAsync"/>. Queue behaviour comes from
/// <c>host.json</c> beside the executable.
/// </remarks>
public static class DevHostApp
{
    /// <summary>The address the command binds when no <c>urls</c> setting is given: the Functions host's port, loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplicationBuilder CreateBuilder(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "devhost.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        AddDevHostServices(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>Builds the app and maps every HTTP function under <c>/api</c>.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.MapFunctions();
        return app;
    }

    /// <summary>
    /// Starts a DevHost on <c>http://127.0.0.1:0</c> (a free port) with the given settings and returns it running,
    /// with its address and key. <paramref name="configureServices"/> runs after the cloud side's registrations,
    /// so it can add observers or replace services.
    /// </summary>
    public static async Task<RunningDevHost> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = CreateBuilder([], [new("urls", "http://127.0.0.1:0"), .. settings]);
        configureServices?.Invoke(builder.Services);
        var app = Build(builder);
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The DevHost server reports no listening address.");
        var address = addresses.Addresses.First();
        return new RunningDevHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    private static void AddDevHostServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddFleetCloud(configuration);
        services.AddDevHostAreas();

        services.AddOptions<DevHostOptions>()
            .BindConfiguration(DevHostOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var hostJson = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true)
            .Build();
        services.AddOptions<QueueTriggerOptions>()
            .Bind(hostJson.GetSection(QueueTriggerOptions.HostJsonSection))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton(sp => new FunctionRegistry(
            FunctionRegistry.Discover().Concat(sp.GetServices<FunctionDescriptor>())));
        services.AddSingleton<FunctionRunner>();
        services.AddSingleton<QueueFunctionService>();
        services.AddHostedService<ApiKeyAnnouncement>();
        services.AddHostedService<TimerFunctionService>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueFunctionService>());
    }
}
