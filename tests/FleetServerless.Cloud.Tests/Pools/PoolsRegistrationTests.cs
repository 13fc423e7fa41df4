using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Pools.Prohashing;
using FleetServerless.Cloud.Profitability;
using FleetServerless.Cloud.Profitability.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Tests.Pools;

public sealed class PoolsRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddPools(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task EmptyUrls_TurnSourcesOff()
    {
        using var provider = Build(new()
        {
            ["Profitability:Network:BlockchairBaseUrl"] = "",
            ["Profitability:Network:CoinGeckoBaseUrl"] = "",
            ["Profitability:Network:WhatToMineBaseUrl"] = "",
            ["Profitability:DefaultSite:PowerPriceUsdPerKwh"] = "",
        });

        var estimate = await provider.GetRequiredService<NetworkEstimator>().EstimateAsync(1e9, TestContext.Current.CancellationToken);

        Assert.Equal(NetworkEstimateStatus.Unknown, estimate.Status);
        Assert.Contains("No network source is configured", estimate.Reason, StringComparison.Ordinal);
        Assert.Null(provider.GetRequiredService<IOptions<ProfitabilityOptions>>().Value.DefaultSite.PowerPriceUsdPerKwh);
    }

    [Fact]
    public void RelativeUrl_IsRejectedNamingSetting()
    {
        using var provider = Build(new() { ["Profitability:Network:BlockchairBaseUrl"] = "api/blockchair" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NetworkEstimateOptions>>().Value);

        Assert.Contains("Profitability:Network:BlockchairBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProhashingWithoutUrl_IsRejectedNamingSetting()
    {
        using var provider = Build(new() { ["Pools:Provider"] = "prohashing", ["Pools:Prohashing:ApiKey"] = "k" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProhashingOptions>>().Value);

        Assert.Contains("Pools:Prohashing:WampUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ViaBtcWithoutKey_IsRejectedNamingSetting()
    {
        using var provider = Build(new() { ["Pools:Provider"] = "viabtc", ["Pools:ViaBtc:BaseUrl"] = "http://127.0.0.1:1/" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Cloud.Pools.ViaBtc.ViaBtcOptions>>().Value);

        Assert.Contains("Pools:ViaBtc:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProvider_IsRejected()
    {
        using var provider = Build(new() { ["Pools:Provider"] = "f2pool" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PoolsOptions>>().Value);

        Assert.Contains("Pools:Provider must be none, prohashing or viabtc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativePowerPrice_IsRejectedNamingSite()
    {
        using var provider = Build(new() { ["Profitability:Sites:barn:PowerPriceUsdPerKwh"] = "-1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProfitabilityOptions>>().Value);

        Assert.Contains("Profitability:Sites:barn:PowerPriceUsdPerKwh", error.Message, StringComparison.Ordinal);
    }
}
