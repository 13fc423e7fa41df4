using System.Globalization;
using System.Security.Cryptography;
using FleetServerless.Cloud.Notifications;
using FleetServerless.DevHost;
using FleetServerless.Relay.Hosting;
using FleetServerless.Relay.Polling;
using FleetServerless.Simulator.Miners;
using FleetServerless.Simulator.Pools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FleetServerless.Demo;

/// <summary>
/// The whole system on loopback: a simulated fleet, simulated pools and network data sources, and the DevHost
/// running the cloud side on a given storage account. The relay polls the fleet and posts to the DevHost's
/// ingest route with its key.
/// </summary>
/// <remarks>
/// The demo command and the end-to-end tests start the same stack, so the tests check what the demo runs.
/// Disposing the stack stops the relay first (so it flushes its outbox state), then the DevHost, then the
/// simulators.
/// </remarks>
public sealed class DemoStack : IAsyncDisposable
{
    private readonly bool _ownsWorkFolder;

    private DemoStack(
        SimulatedFleet fleet,
        PoolSimulator pools,
        DemoAlertReceiver alerts,
        RunningDevHost devHost,
        IHost relay,
        string workFolder,
        bool ownsWorkFolder)
    {
        Fleet = fleet;
        Pools = pools;
        Alerts = alerts;
        DevHost = devHost;
        Relay = relay;
        WorkFolder = workFolder;
        _ownsWorkFolder = ownsWorkFolder;
    }

    public SimulatedFleet Fleet { get; }

    /// <summary>The simulated Prohashing, ViaBTC and network data sources (Blockchair, CoinGecko, WhatToMine).</summary>
    public PoolSimulator Pools { get; }

    /// <summary>The signed-webhook receiver the cloud side delivers alerts to.</summary>
    public DemoAlertReceiver Alerts { get; }

    public RunningDevHost DevHost { get; }

    /// <summary>The relay's host; its <see cref="RelayPipeline"/> can be driven one cycle at a time.</summary>
    public IHost Relay { get; }

    public RelayPipeline RelayPipeline => Relay.Services.GetRequiredService<RelayPipeline>();

    public string WorkFolder { get; }

    public Uri FleetUri => new(DevHost.BaseAddress, "api/fleet");

    public Uri DashboardUri => new(DevHost.BaseAddress, "api/dashboard");

    /// <summary>Starts the fleet, the DevHost and the relay, in that order, and returns once all three run.</summary>
    public static async Task<DemoStack> StartAsync(
        DemoOptions options, string storageConnectionString, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageConnectionString);

        var ownsWorkFolder = options.WorkFolder is null;
        var workFolder = options.WorkFolder ?? Directory.CreateTempSubdirectory("fleet-demo-").FullName;
        var apiKey = options.ApiKey ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

        SimulatedFleet? fleet = null;
        PoolSimulator? pools = null;
        DemoAlertReceiver? alerts = null;
        RunningDevHost? devHost = null;
        try
        {
            fleet = await SimulatedFleet.StartAsync(
                new SimulatedFleetOptions { Count = options.MinerCount }, cancellationToken: cancellationToken);
            pools = await PoolSimulator.StartAsync(PoolSettings(fleet));
            alerts = await DemoAlertReceiver.StartAsync(cancellationToken);

            // The stack's owner decides when to stop, so the in-process hosts must not react to Ctrl-C on their own.
            devHost = await DevHostApp.StartAsync(
                DevHostSettings(options, storageConnectionString, apiKey, pools, alerts),
                services => services.AddSingleton<IHostLifetime, OwnerControlledLifetime>(),
                cancellationToken);

            var relayBuilder = RelayHost.CreateBuilder(RelayConfiguration(options, fleet, devHost, workFolder));
            relayBuilder.Services.AddSingleton<IHostLifetime, OwnerControlledLifetime>();
            var relay = relayBuilder.Build();
            if (options.StartRelayWorker)
            {
                await relay.StartAsync(cancellationToken);
            }

            return new DemoStack(fleet, pools, alerts, devHost, relay, workFolder, ownsWorkFolder);
        }
        catch
        {
            if (devHost is not null)
            {
                await devHost.DisposeAsync();
            }

            if (alerts is not null)
            {
                await alerts.DisposeAsync();
            }

            if (pools is not null)
            {
                await pools.DisposeAsync();
            }

            if (fleet is not null)
            {
                await fleet.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await Relay.StopAsync(stopping.Token);
        }

        Relay.Dispose();
        await DevHost.DisposeAsync();
        await Alerts.DisposeAsync();
        await Pools.DisposeAsync();
        await Fleet.DisposeAsync();

        if (_ownsWorkFolder)
        {
            TryDeleteFolder(WorkFolder);
        }
    }

    /// <summary>
    /// Pool workers named as the simulated miners' pool users (<c>acct.name</c>), each seen by the pool at 97 % of
    /// its miner's hashrate, so the pool-side comparison shows a plausible gap.
    /// </summary>
    private static PoolSimulatorSettings PoolSettings(SimulatedFleet fleet) => new()
    {
        Account = "acct",
        Workers = fleet.Expected.Select(m => new SimulatedWorker(m.Name, m.HashrateRealtimeHps * 0.97)).ToList(),
    };

    private static Dictionary<string, string?> DevHostSettings(
        DemoOptions options, string storageConnectionString, string apiKey, PoolSimulator pools, DemoAlertReceiver alerts)
    {
        var settings = new Dictionary<string, string?>(pools.CloudSettings(options.PoolProvider))
        {
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Storage:TablePrefix"] = options.TablePrefix,
            ["DevHost:ApiKey"] = apiKey,
            ["DevHost:TimersEnabled"] = options.TimersEnabled ? "true" : "false",
            ["Profitability:DefaultSite:PowerPriceUsdPerKwh"] = options.PowerPriceUsdPerKwh.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Channels:demo:Type"] = ChannelTypes.Webhook,
            ["Notifications:Channels:demo:Url"] = alerts.Url.ToString(),
            ["Notifications:Channels:demo:Secret"] = alerts.Secret,
        };
        return settings;
    }

    private static IConfiguration RelayConfiguration(DemoOptions options, SimulatedFleet fleet, RunningDevHost devHost, string workFolder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Relay:SiteId"] = options.SiteId,
            ["Relay:RelayId"] = $"{options.SiteId}-relay",
            ["Relay:PollInterval"] = options.PollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Relay:MinerTimeout"] = options.MinerTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Relay:Outbox:Path"] = Path.Combine(workFolder, "outbox.db"),
            ["Relay:Publisher:Kind"] = "https",
            ["Relay:Publisher:IngestUrl"] = new Uri(devHost.BaseAddress, "api/ingest").ToString(),
            ["Relay:Publisher:FunctionKey"] = devHost.ApiKey,
        };

        for (var i = 0; i < fleet.Miners.Count; i++)
        {
            settings[$"Relay:Miners:{i}:Name"] = fleet.Miners[i].Name;
            settings[$"Relay:Miners:{i}:Host"] = fleet.Miners[i].Host;
            settings[$"Relay:Miners:{i}:Password"] = fleet.Miners[i].Password;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (the outbox, on Windows) leaves the temporary folder behind for the OS temp cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
