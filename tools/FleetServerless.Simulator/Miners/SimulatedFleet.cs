using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Simulator.Miners;

/// <summary>
/// A fleet of simulated Vnish miners on 127.0.0.1, each with its own web API port (chosen by the OS) and,
/// when enabled, its own TCP API port. One Kestrel host listens on every web port, so thousands of miners cost
/// one process and one thread pool.
/// </summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly List<CgminerTcpServer> _tcpServers;
    private readonly CancellationTokenSource _stopping;

    private SimulatedFleet(
        WebApplication host, IReadOnlyList<SimulatedMiner> miners, List<CgminerTcpServer> tcpServers, CancellationTokenSource stopping)
    {
        _host = host;
        Miners = miners;
        _tcpServers = tcpServers;
        _stopping = stopping;
    }

    public IReadOnlyList<SimulatedMiner> Miners { get; }

    public SimulatedMiner this[int index] => Miners[index];

    /// <summary>The values every miner reports now, in fleet order.</summary>
    public IReadOnlyList<MinerExpectation> Expected => Miners.Select(m => m.Expected).ToArray();

    /// <summary>Starts the miners; every port is bound when the returned task completes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or above 20,000.</exception>
    public static async Task<SimulatedFleet> StartAsync(
        SimulatedFleetOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Count, 1, nameof(options.Count));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Count, 20_000, nameof(options.Count));

        var miners = CreateMiners(options);
        var stopping = new CancellationTokenSource();
        var minersByPort = new Dictionary<int, SimulatedMiner>();
        var listenOptions = new List<(SimulatedMiner Miner, ListenOptions Listen)>();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var miner in miners)
            {
                if (miner.OfflineAtStart)
                {
                    continue;
                }

                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listenOptions.Add((miner, listen));
                });
            }
        });

        var host = builder.Build();
        var api = new VnishWebApi(minersByPort, stopping.Token);
        host.Run(api.HandleAsync);
        await host.StartAsync(cancellationToken);

        foreach (var (miner, listen) in listenOptions)
        {
            miner.WebPort = ((IPEndPoint)listen.EndPoint).Port;
            minersByPort[miner.WebPort] = miner;
        }

        foreach (var miner in miners.Where(m => m.OfflineAtStart))
        {
            miner.WebPort = ReserveClosedPort();
        }

        var tcpServers = new List<CgminerTcpServer>();
        foreach (var miner in miners.Where(m => m.HasTcpApi))
        {
            var server = new CgminerTcpServer(miner);
            if (miner.OfflineAtStart)
            {
                miner.TcpPort = ReserveClosedPort();
                continue;
            }

            server.Start();
            miner.TcpPort = server.Port;
            tcpServers.Add(server);
        }

        return new SimulatedFleet(host, miners, tcpServers, stopping);
    }

    public SimulatedMiner? FindByHost(string host) => Miners.FirstOrDefault(m => string.Equals(m.Host, host, StringComparison.Ordinal));

    /// <summary>Switches a fault on or off for one miner.</summary>
    public void SetFault(int index, MinerFaults fault, bool enabled) => Miners[index].SetFault(fault, enabled);

    /// <summary>Sets the response delay of every miner, for load tests.</summary>
    public void SetResponseDelay(TimeSpan delay)
    {
        foreach (var miner in Miners)
        {
            miner.ResponseDelay = delay;
        }
    }

    /// <summary>Invalidates every token of every miner.</summary>
    public void ExpireAllTokens()
    {
        foreach (var miner in Miners)
        {
            miner.ExpireTokens();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var server in _tcpServers)
        {
            await server.DisposeAsync();
        }

        await _host.StopAsync();
        await _host.DisposeAsync();
        _stopping.Dispose();
    }

    private static List<SimulatedMiner> CreateMiners(SimulatedFleetOptions options)
    {
        var miners = new List<SimulatedMiner>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            var setup = new SimulatedMinerSetup
            {
                Kind = options.Kind,
                FirmwareVersion = options.FirmwareVersion,
                Password = options.Password,
                ApiKey = options.ApiKey,
                TcpApi = options.TcpApi,
                ResponseDelay = options.ResponseDelay,
            };
            options.Configure?.Invoke(i, setup);
            miners.Add(new SimulatedMiner(i, setup, options));
        }

        return miners;
    }

    /// <summary>Returns a loopback port that nothing listens on, for a miner that is off from the start.</summary>
    private static int ReserveClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
