using System.Net.Http.Headers;
using FleetServerless.Cloud.Pools.Prohashing;
using FleetServerless.Cloud.Pools.Storage;
using FleetServerless.Cloud.Pools.ViaBtc;
using FleetServerless.Cloud.Pools.Wamp;
using FleetServerless.Cloud.Profitability;
using FleetServerless.Cloud.Profitability.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Pools;

public static class PoolsServiceCollectionExtensions
{
    /// <summary>The User-Agent every pool and network request sends, so operators of those services can tell who calls.</summary>
    public const string UserAgent = "FleetServerless/0.1 (+pool monitor for small scrypt mines)";

    /// <summary>
    /// Registers the pool provider chosen by <c>Pools:Provider</c>, the network estimate sources, the pool
    /// tables and the profitability sync and API. Needs the storage registration (<c>AddFleetStorage</c>).
    /// </summary>
    public static IServiceCollection AddPools(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PoolsOptions>().BindConfiguration(PoolsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProfitabilityOptions>().BindConfiguration(ProfitabilityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProfitabilityOptions>, ProfitabilityOptionsValidator>();
        services.AddOptions<NetworkEstimateOptions>().BindConfiguration(NetworkEstimateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<NetworkEstimateOptions>, NetworkEstimateOptionsValidator>();

        var provider = configuration[$"{PoolsOptions.SectionName}:{nameof(PoolsOptions.Provider)}"] ?? "none";
        if (provider == ProhashingProvider.ProviderName)
        {
            AddProhashing(services);
        }
        else if (provider == ViaBtcProvider.ProviderName)
        {
            AddViaBtc(services);
        }

        AddNetworkSources(services);
        services.AddSingleton<PoolStatusStore>();
        services.AddSingleton<IPoolStatusReader>(sp => sp.GetRequiredService<PoolStatusStore>());
        services.AddSingleton<IMinerDataReader, StoredMinerDataReader>();
        services.AddSingleton<SiteProfitabilityCalculator>();
        services.AddSingleton<ProfitabilitySync>();
        services.AddSingleton<ProfitabilityHandler>();
        return services;
    }

    private static void AddProhashing(IServiceCollection services)
    {
        services.AddOptions<ProhashingOptions>().BindConfiguration(ProhashingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProhashingOptions>, ProhashingOptionsValidator>();
        services.AddHttpClient(ProhashingProvider.ProviderName, (sp, http) =>
        {
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ProhashingOptions>>().Value.RequestTimeoutSeconds);
            http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ProhashingOptions>>().Value;
            var settings = new WampClientSettings
            {
                Url = options.WampUrl!,
                Realm = options.WampRealm,
                AuthId = options.WampAuthId,
                Secret = string.IsNullOrEmpty(options.WampSecret) ? ProhashingOptions.PublicWampSecret : options.WampSecret,
                CallTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
                ReconnectInitialDelay = TimeSpan.FromSeconds(options.ReconnectInitialDelaySeconds),
                ReconnectMaxDelay = TimeSpan.FromSeconds(options.ReconnectMaxDelaySeconds),
                AcceptAnyServerCertificate = options.AcceptAnyServerCertificate,
                RedactedValues = [options.ApiKey ?? ""],
                UserAgent = UserAgent,
            };
            var client = new WampClient(settings, sp.GetRequiredService<ILogger<WampClient>>(), sp.GetService<TimeProvider>());
            return new ProhashingWampSource(client, options.ApiKey!, sp.GetRequiredService<ILogger<ProhashingWampSource>>(), sp.GetService<TimeProvider>());
        });
        services.AddSingleton<IPoolProvider>(sp =>
            ProhashingProvider.Create(sp, sp.GetRequiredService<IOptions<ProhashingOptions>>().Value));
    }

    private static void AddViaBtc(IServiceCollection services)
    {
        services.AddOptions<ViaBtcOptions>().BindConfiguration(ViaBtcOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ViaBtcOptions>, ViaBtcOptionsValidator>();
        services.AddHttpClient(ViaBtcProvider.ProviderName, (sp, http) =>
        {
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ViaBtcOptions>>().Value.RequestTimeoutSeconds);
            http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        });
        services.AddSingleton<IPoolProvider>(sp => new ViaBtcProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ViaBtcProvider.ProviderName),
            sp.GetRequiredService<IOptions<ViaBtcOptions>>().Value,
            sp.GetService<TimeProvider>()));
    }

    private static void AddNetworkSources(IServiceCollection services)
    {
        const string clientName = "network-estimate";
        services.AddHttpClient(clientName, (sp, http) =>
        {
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NetworkEstimateOptions>>().Value.RequestTimeoutSeconds);
            http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NetworkEstimateOptions>>().Value;
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);
            var logger = sp.GetRequiredService<ILogger<CachedNetworkSource>>();
            var available = new Dictionary<string, INetworkDataSource>(StringComparer.OrdinalIgnoreCase);
            if (NetworkEstimateOptionsValidator.Enabled(options.BlockchairBaseUrl) is { } blockchair)
            {
                available[BlockchairSource.SourceName] = new BlockchairSource(http, blockchair, options.IncludeDoge, time);
            }

            if (NetworkEstimateOptionsValidator.Enabled(options.CoinGeckoBaseUrl) is { } coinGecko)
            {
                available[CoinGeckoSource.SourceName] = new CoinGeckoSource(http, coinGecko, options.CoinGeckoDemoApiKey, time);
            }

            if (NetworkEstimateOptionsValidator.Enabled(options.WhatToMineBaseUrl) is { } whatToMine)
            {
                available[WhatToMineSource.SourceName] = new WhatToMineSource(http, whatToMine, time);
            }

            var ordered = options.SourceOrder
                .Where(available.ContainsKey)
                .Select(name => new CachedNetworkSource(available[name], options, time, logger))
                .ToList();
            return new NetworkEstimator(ordered, options, time);
        });
    }
}
