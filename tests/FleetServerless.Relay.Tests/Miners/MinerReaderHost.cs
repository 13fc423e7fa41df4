using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Miners;
using FleetServerless.Relay.Polling;
using FleetServerless.Simulator.Miners;
using FleetServerless.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>The miner readers as the relay registers them, with captured logs and an optional test clock.</summary>
internal sealed class MinerReaderHost : IDisposable
{
    private readonly ServiceProvider _services;

    public MinerReaderHost(TimeProvider? timeProvider = null, bool withResilience = false)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        var webClient = services.AddMinerReaders();
        if (withResilience)
        {
            // The relay host's pipeline: retry, circuit breaker and attempt timeout per miner.
            services.AddOptions<RelayOptions>();
            webClient.AddMinerResilience();
        }

        _services = services.BuildServiceProvider();
    }

    public CapturedLogs Logs { get; } = new();

    public AutoMinerReader Reader => _services.GetRequiredService<AutoMinerReader>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static MinerOptions OptionsFor(SimulatedMiner miner, string? password = null, string api = "auto") => new()
    {
        Name = miner.Name,
        Host = miner.Host,
        TcpPort = miner.TcpPort ?? 4028,
        Password = password ?? miner.Password,
        Api = api,
    };

    public void Dispose() => _services.Dispose();
}
