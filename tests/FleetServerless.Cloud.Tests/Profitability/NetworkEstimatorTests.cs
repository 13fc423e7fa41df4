using FleetServerless.Cloud.Profitability.Network;
using FleetServerless.Simulator.Pools;
using FleetServerless.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FleetServerless.Cloud.Tests.Profitability;

public sealed class NetworkEstimatorTests : IAsyncLifetime
{
    private const double FleetHps = 12 * 9.5e9;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();
    private readonly NetworkEstimateOptions _options = new() { CacheSeconds = 60, MaxAgeSeconds = 3600, ThrottleBackoffSeconds = 300 };
    private PoolSimulator _simulator = null!;

    public async ValueTask InitializeAsync() => _simulator = await PoolSimulator.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    private CancellationToken Token => TestContext.Current.CancellationToken;

    private NetworkEstimator Estimator(params string[] order)
    {
        var logger = new LoggerFactory([_logs]).CreateLogger<CachedNetworkSource>();
        var all = new Dictionary<string, INetworkDataSource>
        {
            ["blockchair"] = new BlockchairSource(_http, _simulator.BlockchairUrl, includeDoge: true, _time),
            ["coingecko"] = new CoinGeckoSource(_http, _simulator.CoinGeckoUrl, null, _time),
            ["whattomine"] = new WhatToMineSource(_http, _simulator.WhatToMineUrl, _time),
        };
        var names = order.Length == 0 ? ["blockchair", "coingecko", "whattomine"] : order;
        return new NetworkEstimator(names.Select(n => new CachedNetworkSource(all[n], _options, _time, logger)).ToList(), _options, _time);
    }

    [Fact]
    public async Task AllSourcesUp_UsesBlockchairFirst()
    {
        var estimate = await Estimator().EstimateAsync(FleetHps, Token);

        Assert.Equal(NetworkEstimateStatus.Ok, estimate.Status);
        Assert.Equal(0.0015036 * 114, estimate.LtcPerDay!.Value, 4);
        Assert.Equal("blockchair", estimate.Inputs["ltcDifficulty"].Source);
        Assert.Equal("whattomine", estimate.Inputs["ltcBlockRewardCoins"].Source);
        Assert.Equal("configuration", estimate.Inputs["dogeBlockRewardCoins"].Source);
        var expectedUsd = estimate.LtcPerDay.Value * 85 + estimate.DogePerDay!.Value * 0.2;
        Assert.Equal(expectedUsd, estimate.GrossRevenueUsd!.Value, 9);
    }

    [Fact]
    public async Task ThrottledSource_FallsBackWithSourceShown()
    {
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.Throttle);

        var estimate = await Estimator().EstimateAsync(FleetHps, Token);

        Assert.Equal("whattomine", estimate.Inputs["ltcDifficulty"].Source);
        Assert.Equal("coingecko", estimate.Inputs["ltcPriceUsd"].Source);
        Assert.NotNull(estimate.GrossRevenueUsd);
        Assert.Equal(NetworkEstimateStatus.Partial, estimate.Status);
        Assert.Contains("DOGE", estimate.Reason, StringComparison.Ordinal);
        Assert.Contains(estimate.SourceErrors, e => e.Contains("HTTP 430", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThrottledSource_IsNotCalledDuringBackoff()
    {
        var estimator = Estimator("blockchair", "coingecko");
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.Throttle);
        await estimator.EstimateAsync(FleetHps, Token);
        var callsAfterThrottle = _simulator.RequestCount(SimulatedSource.Blockchair);

        _time.Advance(TimeSpan.FromSeconds(30));
        var during = await estimator.EstimateAsync(FleetHps, Token);
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.None);
        _time.Advance(TimeSpan.FromSeconds(31));
        var after = await estimator.EstimateAsync(FleetHps, Token);

        Assert.Equal(callsAfterThrottle, _simulator.RequestCount(SimulatedSource.Blockchair) - 2);
        Assert.Contains(during.SourceErrors, e => e.Contains("next attempt after", StringComparison.Ordinal));
        Assert.Equal("blockchair", after.Inputs["ltcDifficulty"].Source);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 6300);
    }

    [Fact]
    public async Task ThrottledSource_KeepsCachedFigureWithAge()
    {
        var estimator = Estimator("blockchair", "coingecko");
        await estimator.EstimateAsync(FleetHps, Token);
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.Throttle);
        _time.Advance(TimeSpan.FromSeconds(90));

        var estimate = await estimator.EstimateAsync(FleetHps, Token);

        Assert.Equal("blockchair", estimate.Inputs["ltcDifficulty"].Source);
        Assert.Equal(90, estimate.Inputs["ltcDifficulty"].AgeSeconds!.Value, 3);
        Assert.Contains(estimate.SourceErrors, e => e.Contains("HTTP 430", StringComparison.Ordinal));
        Assert.NotNull(estimate.GrossRevenueUsd);
    }

    [Fact]
    public async Task CachedFigureTooOld_IsNotUsed()
    {
        var estimator = Estimator("blockchair");
        await estimator.EstimateAsync(FleetHps, Token);
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.ServerError);
        _time.Advance(TimeSpan.FromSeconds(3601));

        var estimate = await estimator.EstimateAsync(FleetHps, Token);

        Assert.Equal(NetworkEstimateStatus.Unknown, estimate.Status);
        Assert.Null(estimate.GrossRevenueUsd);
    }

    [Fact]
    public async Task AllSourcesDown_IsUnknownWithReason()
    {
        foreach (var source in new[] { SimulatedSource.Blockchair, SimulatedSource.CoinGecko, SimulatedSource.WhatToMine })
        {
            _simulator.SetFault(source, SimulatedFault.ServerError);
        }

        var estimate = await Estimator().EstimateAsync(FleetHps, Token);

        Assert.Equal(NetworkEstimateStatus.Unknown, estimate.Status);
        Assert.Null(estimate.GrossRevenueUsd);
        Assert.Null(estimate.LtcPerDay);
        Assert.Contains("ltcDifficulty", estimate.Reason, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", estimate.Reason, StringComparison.Ordinal);
        Assert.Equal(3, estimate.SourceErrors.Count);
    }

    [Fact]
    public async Task NoSourceConfigured_IsUnknownNamingSettings()
    {
        var estimate = await new NetworkEstimator([], _options, _time).EstimateAsync(FleetHps, Token);

        Assert.Equal(NetworkEstimateStatus.Unknown, estimate.Status);
        Assert.Contains("Profitability:Network:BlockchairBaseUrl", estimate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StringNumbers_AreParsed()
    {
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.NumbersAsStrings);
        _simulator.SetFault(SimulatedSource.CoinGecko, SimulatedFault.NumbersAsStrings);

        var estimate = await Estimator("blockchair", "coingecko").EstimateAsync(FleetHps, Token);

        Assert.Equal(NetworkEstimateStatus.Ok, estimate.Status);
        Assert.Equal(83_619_823.7186, estimate.Inputs["ltcDifficulty"].Value);
    }

    [Fact]
    public async Task ZeroDifficulty_IsIgnoredWithWarning()
    {
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.ZeroPrice);

        var estimate = await Estimator().EstimateAsync(FleetHps, Token);

        Assert.Equal("whattomine", estimate.Inputs["ltcDifficulty"].Source);
        Assert.Contains(estimate.Warnings, w => w.Contains("Blockchair litecoin difficulty is 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RewardFromConfiguration_WhenNoSourceGivesIt()
    {
        var estimate = await Estimator("blockchair").EstimateAsync(FleetHps, Token);

        Assert.Equal("configuration", estimate.Inputs["ltcBlockRewardCoins"].Source);
        Assert.Equal(6.25, estimate.Inputs["ltcBlockRewardCoins"].Value);
        Assert.Null(estimate.Inputs["ltcBlockRewardCoins"].AgeSeconds);
    }

    [Fact]
    public async Task HtmlAnswer_FallsBack()
    {
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.Html);

        var estimate = await Estimator().EstimateAsync(FleetHps, Token);

        Assert.Equal("whattomine", estimate.Inputs["ltcDifficulty"].Source);
        Assert.Contains(estimate.SourceErrors, e => e.Contains("HTML", StringComparison.Ordinal));
    }
}
