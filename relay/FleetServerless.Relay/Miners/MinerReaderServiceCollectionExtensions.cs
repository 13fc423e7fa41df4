using System.Net;
using FleetServerless.Relay.Miners;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the miner readers.</summary>
public static class MinerReaderServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IMinerReader"/> (<see cref="AutoMinerReader"/>) and the web and TCP clients, with the named
    /// HTTP clients <see cref="MinerHttpClients.VnishWeb"/> and <see cref="MinerHttpClients.VnishUnlock"/>. Returns the
    /// builder of the web client so the host can attach a resilience handler to it.
    /// </summary>
    public static IHttpClientBuilder AddMinerReaders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VnishWebClient>();
        services.TryAddSingleton<VnishWebReader>();
        services.TryAddSingleton<CgminerTcpClient>();
        services.TryAddSingleton<CgminerTcpReader>();
        services.TryAddSingleton<AutoMinerReader>();
        services.TryAddSingleton<IMinerReader>(sp => sp.GetRequiredService<AutoMinerReader>());

        services.AddHttpClient(MinerHttpClients.VnishUnlock, ConfigureClient).ConfigurePrimaryHttpMessageHandler(CreateHandler);
        return services.AddHttpClient(MinerHttpClients.VnishWeb, ConfigureClient).ConfigurePrimaryHttpMessageHandler(CreateHandler);
    }

    /// <summary>No client timeout: the caller's token bounds every request. Miners are on the LAN, so no proxy.</summary>
    private static void ConfigureClient(HttpClient client) => client.Timeout = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// At most two connections per miner, closed 2 s after their last use. The requests of one read reuse them, but the
    /// next poll (30 s later by default) opens new ones, so thousands of miners do not keep idle sockets open.
    /// </summary>
    private static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = 2,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
    };
}
