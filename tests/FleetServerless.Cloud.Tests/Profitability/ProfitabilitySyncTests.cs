using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Pools.Prohashing;
using FleetServerless.Cloud.Pools.Storage;
using FleetServerless.Cloud.Pools.ViaBtc;
using FleetServerless.Cloud.Profitability;
using FleetServerless.Cloud.Profitability.Network;
using FleetServerless.Cloud.Storage;
using FleetServerless.Core.Profitability;
using FleetServerless.Simulator.Pools;
using FleetServerless.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FleetServerless.Cloud.Tests.Profitability;

/// <summary>The profitability sync against Azurite and the pool simulator.</summary>
public sealed class ProfitabilitySyncTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 2, 0, 30, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private PoolSimulator _simulator = null!;

    public async ValueTask InitializeAsync() => _simulator = await PoolSimulator.StartAsync(time: _time);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    private CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record Harness(ProfitabilitySync Sync, PoolStatusStore Store, ProfitabilityHandler Handler);

    private async Task<Harness> CreateAsync(
        IPoolProvider? provider, FakeMinerDataReader? miners = null, RevenueSource revenue = RevenueSource.Both, PoolsOptions? pools = null)
    {
        var connection = await TestStorage.RequireConnectionStringAsync();
        var tables = new FleetTableClients(Options.Create(new StorageOptions
        {
            ConnectionString = connection,
            TablePrefix = TestStorage.UniqueName("pools"),
        }));
        pools ??= new PoolsOptions { Provider = provider?.Name ?? "none" };
        var store = new PoolStatusStore(tables, Options.Create(pools), _time);
        miners ??= FakeMinerDataReader.TwelveL7s();
        miners.Now = _time.GetUtcNow;
        var networkOptions = new NetworkEstimateOptions();
        var logs = new LoggerFactory([_logs]);
        var network = new NetworkEstimator(
            [
                new CachedNetworkSource(new BlockchairSource(_http, _simulator.BlockchairUrl, true, _time), networkOptions, _time, logs.CreateLogger<CachedNetworkSource>()),
                new CachedNetworkSource(new CoinGeckoSource(_http, _simulator.CoinGeckoUrl, null, _time), networkOptions, _time, logs.CreateLogger<CachedNetworkSource>()),
            ],
            networkOptions,
            _time);
        var profitability = Options.Create(new ProfitabilityOptions
        {
            DefaultSite = new SiteProfitabilityOptions { PowerPriceUsdPerKwh = 0.08, RevenueSource = revenue, PoolFeePercent = 2 },
        });
        var calculator = new SiteProfitabilityCalculator(network, profitability);
        var sync = new ProfitabilitySync(
            provider is null ? [] : [provider], store, miners, calculator, Options.Create(pools), _time, logs.CreateLogger<ProfitabilitySync>());
        var handler = new ProfitabilityHandler(miners, store, calculator, _time, logs.CreateLogger<ProfitabilityHandler>());
        return new Harness(sync, store, handler);
    }

    private ProhashingProvider ProxyProvider() => new(new ProhashingProxySource(_http, _simulator.ProxyUrl, null, _time));

    [Fact]
    public async Task Sync_StoresPoolValueAndProfit()
    {
        var harness = await CreateAsync(ProxyProvider());

        await harness.Sync.RunAsync(Token);

        var status = await harness.Store.GetPoolStatusAsync(Token);
        Assert.NotNull(status);
        Assert.True(status.IsReachable);
        Assert.False(status.IsStale);
        Assert.Equal(0.0025041009705167, status.ScryptUsdPerMhsDay);
        var profits = await harness.Store.GetSiteProfitsAsync(Token);
        var pool = profits.Single(p => p.EstimateKind == EstimateKinds.Pool);
        Assert.Equal(285.47, Math.Round(pool.GrossRevenueUsd!.Value, 2));
        Assert.Equal(78.912, pool.PowerCostUsd!.Value, 6);
        Assert.Equal(114_000 * 0.0025041009705167 - 78.912, pool.NetProfitUsd!.Value, 6);
    }

    [Fact]
    public async Task Sync_SameSlotTwice_CallsPoolOnce()
    {
        var harness = await CreateAsync(ProxyProvider());

        await harness.Sync.RunAsync(Token);
        _time.Advance(TimeSpan.FromMinutes(1));
        await harness.Sync.RunAsync(Token);

        Assert.Equal(1, _simulator.RequestCount(SimulatedSource.Proxy));
        var history = await harness.Store.GetProfitabilityDayAsync(ProhashingProvider.ProviderName, "scrypt", _time.GetUtcNow(), Token);
        Assert.Single(history);
    }

    [Fact]
    public async Task PoolGone_KeepsValueRaisesOnce()
    {
        var harness = await CreateAsync(ProxyProvider());
        await harness.Sync.RunAsync(Token);
        var firstFailureAt = _time.GetUtcNow() + TimeSpan.FromMinutes(5);
        _simulator.SetFault(SimulatedSource.Proxy, SimulatedFault.ServerError);

        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            await harness.Sync.RunAsync(Token);
        }

        var status = await harness.Store.GetPoolStatusAsync(Token);
        Assert.NotNull(status);
        Assert.False(status.IsReachable);
        Assert.True(status.IsStale);
        Assert.Equal(0.0025041009705167, status.ScryptUsdPerMhsDay);
        Assert.True(status.AgeSeconds >= 30 * 60, $"Age {status.AgeSeconds} s should cover the six failed syncs.");
        Assert.Equal(firstFailureAt, status.ConditionRaisedAt);
        Assert.Equal(6, status.ConsecutiveFailures);
        Assert.Contains("HTTP 503", status.Reason, StringComparison.Ordinal);
        Assert.Single(_logs.Entries, e => e.EventId.Id == 6400);
        Assert.Equal(5, _logs.Entries.Count(e => e.EventId.Id == 6401));
    }

    [Fact]
    public async Task PoolGoneForGood_OtherFiguresStillWork()
    {
        var harness = await CreateAsync(ProxyProvider());
        await harness.Sync.RunAsync(Token);
        _simulator.SetFault(SimulatedSource.Proxy, SimulatedFault.Stall);

        _time.Advance(TimeSpan.FromMinutes(5));
        await harness.Sync.RunAsync(Token);

        var profits = await harness.Store.GetSiteProfitsAsync(Token);
        var network = profits.Single(p => p.EstimateKind == EstimateKinds.Network);
        var pool = profits.Single(p => p.EstimateKind == EstimateKinds.Pool);
        Assert.Equal(NetworkEstimateStatus.Ok, network.Status);
        Assert.NotNull(network.NetProfitUsd);
        Assert.Equal("stale", pool.Status);
        Assert.NotNull(pool.GrossRevenueUsd);
        var history = await harness.Store.GetProfitabilityDayAsync(ProhashingProvider.ProviderName, "scrypt", _time.GetUtcNow(), Token);
        Assert.Single(history);
    }

    [Fact]
    public async Task PoolBack_ClearsCondition()
    {
        var harness = await CreateAsync(ProxyProvider());
        _simulator.SetFault(SimulatedSource.Proxy, SimulatedFault.ServerError);
        await harness.Sync.RunAsync(Token);
        _simulator.SetFault(SimulatedSource.Proxy, SimulatedFault.None);

        _time.Advance(TimeSpan.FromMinutes(5));
        await harness.Sync.RunAsync(Token);

        var status = await harness.Store.GetPoolStatusAsync(Token);
        Assert.NotNull(status);
        Assert.True(status.IsReachable);
        Assert.Null(status.ConditionRaisedAt);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 6402);
    }

    [Fact]
    public async Task ZeroPoolPrice_GivesUnknownProfitNotLoss()
    {
        var harness = await CreateAsync(ProxyProvider(), revenue: RevenueSource.Pool);
        _simulator.SetFault(SimulatedSource.Proxy, SimulatedFault.ZeroPrice);

        await harness.Sync.RunAsync(Token);

        var pool = (await harness.Store.GetSiteProfitsAsync(Token)).Single();
        Assert.Equal(NetworkEstimateStatus.Unknown, pool.Status);
        Assert.Null(pool.GrossRevenueUsd);
        Assert.Null(pool.NetProfitUsd);
    }

    [Fact]
    public async Task AllNetworkSourcesDown_StoresUnknownNotZero()
    {
        var harness = await CreateAsync(null, revenue: RevenueSource.Network);
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.ServerError);
        _simulator.SetFault(SimulatedSource.CoinGecko, SimulatedFault.ServerError);

        await harness.Sync.RunAsync(Token);

        var network = (await harness.Store.GetSiteProfitsAsync(Token)).Single();
        Assert.Equal(NetworkEstimateStatus.Unknown, network.Status);
        Assert.Null(network.NetProfitUsd);
        Assert.Contains("HTTP 503", network.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViaBtc_ComparisonMatchesFleet()
    {
        var viabtc = new ViaBtcProvider(_http, new ViaBtcOptions { BaseUrl = _simulator.ViaBtcUrl, ApiKey = _simulator.Settings.ViaBtcApiKey, PageSize = 5 }, _time);
        var harness = await CreateAsync(viabtc, revenue: RevenueSource.Network);

        await harness.Sync.RunAsync(Token);

        var comparisons = await harness.Store.GetMinerComparisonsAsync(Token);
        var status = await harness.Store.GetPoolStatusAsync(Token);
        Assert.Equal(12, comparisons.Count);
        Assert.All(comparisons, c => Assert.True(c.SeenByPool));
        Assert.All(comparisons, c => Assert.Equal(1.0, c.Ratio!.Value, 9));
        Assert.Equal(1.0, status!.FleetHashrateRatio!.Value, 9);
        Assert.Empty(status.UnclaimedWorkers);
    }

    [Fact]
    public async Task Comparison_ListsUnseenAndUnclaimed()
    {
        var miners = FakeMinerDataReader.TwelveL7s(count: 13);
        var viabtc = new ViaBtcProvider(_http, new ViaBtcOptions { BaseUrl = _simulator.ViaBtcUrl, ApiKey = _simulator.Settings.ViaBtcApiKey }, _time);
        var pools = new PoolsOptions { Provider = "viabtc", WorkerOverrides = { ["rig02"] = "miner-13" } };
        var harness = await CreateAsync(viabtc, miners, RevenueSource.Network, pools);

        await harness.Sync.RunAsync(Token);

        var status = await harness.Store.GetPoolStatusAsync(Token);
        var comparisons = await harness.Store.GetMinerComparisonsAsync(Token);
        Assert.Equal(["miner-02"], status!.UnseenMiners);
        Assert.Empty(status.UnclaimedWorkers);
        Assert.Equal("rig02", comparisons.Single(c => c.MinerId == "miner-13").Worker);
        Assert.True(comparisons.Single(c => c.MinerId == "miner-13").SeenByPool);
    }

    [Fact]
    public async Task EmptyWorkersWhileHashing_IsWarned()
    {
        var viabtc = new ViaBtcProvider(_http, new ViaBtcOptions { BaseUrl = _simulator.ViaBtcUrl, ApiKey = _simulator.Settings.ViaBtcApiKey }, _time);
        var harness = await CreateAsync(viabtc, revenue: RevenueSource.Network);
        _simulator.SetFault(SimulatedSource.ViaBtc, SimulatedFault.Empty);

        await harness.Sync.RunAsync(Token);

        var status = await harness.Store.GetPoolStatusAsync(Token);
        Assert.Contains(status!.Problems, p => p.Contains("no workers", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 6404);
    }

    [Fact]
    public async Task ViaBtcIpRefusal_IsStoredReason()
    {
        var viabtc = new ViaBtcProvider(_http, new ViaBtcOptions { BaseUrl = _simulator.ViaBtcUrl, ApiKey = _simulator.Settings.ViaBtcApiKey }, _time);
        var harness = await CreateAsync(viabtc, revenue: RevenueSource.Network);
        _simulator.SetFault(SimulatedSource.ViaBtc, SimulatedFault.IpNotAllowed);

        await harness.Sync.RunAsync(Token);

        var status = await harness.Store.GetPoolStatusAsync(Token);
        Assert.Contains("IP allow-list", status!.Reason, StringComparison.Ordinal);
        Assert.False(status.IsReachable);
    }

    [Fact]
    public async Task Api_ShowsAgeSourceAndUnknown()
    {
        var harness = await CreateAsync(ProxyProvider());
        await harness.Sync.RunAsync(Token);
        _simulator.SetFault(SimulatedSource.Blockchair, SimulatedFault.ServerError);
        _simulator.SetFault(SimulatedSource.CoinGecko, SimulatedFault.ServerError);
        _time.Advance(TimeSpan.FromHours(3));

        var body = await harness.Handler.BuildAsync(Token);

        var estimates = body["sites"]![0]!["estimates"]!.AsArray();
        var pool = estimates.Single(e => e!["profit"]!["estimateKind"]!.GetValue<string>() == EstimateKinds.Pool)!;
        var network = estimates.Single(e => e!["profit"]!["estimateKind"]!.GetValue<string>() == EstimateKinds.Network)!;
        Assert.Equal("stale", pool["status"]!.GetValue<string>());
        Assert.Equal("prohashing/proxy", pool["source"]!.GetValue<string>());
        Assert.True(pool["ageSeconds"]!.GetValue<double>() >= 3 * 3600);
        Assert.Equal("unknown", network["status"]!.GetValue<string>());
        Assert.Null(network["profit"]!["netProfitUsd"]);
        Assert.Contains("HTTP 503", network["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(body["pool"]!["isStale"]!.GetValue<bool>());
    }
}
