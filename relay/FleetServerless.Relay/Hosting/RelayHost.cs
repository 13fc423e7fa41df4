using FleetServerless.Relay.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Hosting;

/// <summary>
/// Builds the relay's host: the <c>run</c> command uses it, and so can a test or the demo that runs the relay
/// in-process.
/// </summary>
/// <remarks>
/// To run one step at a time, build the host without starting it and call
/// <see cref="Polling.RelayPipeline.RunPollCycleAsync"/> and <see cref="Polling.RelayPipeline.PublishAsync"/>
/// from <c>host.Services</c>. Starting the host starts the worker, which polls on its cadence.
/// </remarks>
public static class RelayHost
{
    /// <summary>Creates a builder from <c>relay.json</c> at <paramref name="configPath"/> and the environment.</summary>
    /// <exception cref="RelayConfigurationException">The file is missing or is not valid JSON.</exception>
    public static HostApplicationBuilder CreateBuilder(string configPath, string[]? args = null) =>
        CreateBuilder(RelayConfigurationFile.Load(configPath), args);

    /// <summary>
    /// Creates a builder whose settings come from <paramref name="configuration"/>, which must contain the
    /// <c>Relay</c> section. Services registered by the caller after this call replace the relay's own, such as a
    /// fake <see cref="Miners.IMinerReader"/> or a <see cref="TimeProvider"/>.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args ?? [],
            ApplicationName = "FleetServerless.Relay",

            // A Windows service starts in System32; relative paths such as the outbox's are taken from here.
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Configuration.AddConfiguration(configuration);

        // One HTTP request log line per miner per cycle would bury the relay's own messages.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // Polly logs each failed attempt and breaker change with a stack trace. The relay logs its own retry,
        // failure and miner state lines instead.
        builder.Logging.AddFilter("Polly", LogLevel.Critical);

        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(service => service.ServiceName = "FleetServerless Relay");
        builder.Services.AddRelay(builder.Configuration);
        return builder;
    }
}
