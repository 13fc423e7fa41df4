using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>The Prohashing pool through the source the options choose: WAMP, REST or the operators' proxy.</summary>
public sealed class ProhashingProvider : IPoolProvider
{
    public const string ProviderName = "prohashing";

    private readonly Func<CancellationToken, Task<PoolSnapshot>> _fetch;

    public ProhashingProvider(ProhashingWampSource wamp)
    {
        _fetch = wamp.FetchAsync;
    }

    public ProhashingProvider(ProhashingRestSource rest)
    {
        _fetch = rest.FetchAsync;
    }

    public ProhashingProvider(ProhashingProxySource proxy)
    {
        _fetch = proxy.FetchAsync;
    }

    public string Name => ProviderName;

    public Task<PoolSnapshot> FetchAsync(CancellationToken cancellationToken) => _fetch(cancellationToken);

    /// <summary>Builds the provider for the configured source; the WAMP source is created once and kept.</summary>
    public static ProhashingProvider Create(IServiceProvider services, ProhashingOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return options.Source switch
        {
            ProhashingSourceKind.Wamp => new ProhashingProvider(services.GetRequiredService<ProhashingWampSource>()),
            ProhashingSourceKind.Rest => new ProhashingProvider(new ProhashingRestSource(
                HttpClientFor(services), options.RestBaseUrl!, options.ApiKey!, Time(services))),
            _ => new ProhashingProvider(new ProhashingProxySource(
                HttpClientFor(services), options.ProxyBaseUrl!, options.ProxyBearerToken, Time(services))),
        };
    }

    private static HttpClient HttpClientFor(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(ProviderName);

    private static TimeProvider Time(IServiceProvider services) =>
        services.GetService<TimeProvider>() ?? TimeProvider.System;
}
