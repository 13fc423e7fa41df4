using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Pools.ViaBtc;
using FleetServerless.Core.Profitability;
using FleetServerless.Simulator.Pools;

namespace FleetServerless.Cloud.Tests.Pools;

public sealed class ViaBtcProviderTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private PoolSimulator _simulator = null!;

    public async ValueTask InitializeAsync() => _simulator = await PoolSimulator.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    private CancellationToken Token => TestContext.Current.CancellationToken;

    private ViaBtcProvider Provider(string? apiKey = null, int pageSize = 5) => new(_http, new ViaBtcOptions
    {
        BaseUrl = _simulator.ViaBtcUrl,
        ApiKey = apiKey ?? _simulator.Settings.ViaBtcApiKey,
        PageSize = pageSize,
    });

    [Fact]
    public async Task Workers_AreReadOverSeveralPages()
    {
        var snapshot = await Provider(pageSize: 5).FetchAsync(Token);

        Assert.Equal(12, snapshot.Workers!.Count);
        Assert.Equal(12, snapshot.Workers.Select(w => w.Name).Distinct().Count());
        Assert.Equal(4, _simulator.RequestCount(SimulatedSource.ViaBtc));
    }

    [Fact]
    public async Task Workers_StringHashratesAreParsed()
    {
        var snapshot = await Provider().FetchAsync(Token);

        var worker = snapshot.Workers!.First();
        Assert.Equal(9.5e9, worker.HashrateHps);
        Assert.Equal(9.5e9, worker.HashrateAverageHps);
        Assert.Equal(9.5e9, worker.Hashrate24HourHps);
        Assert.True(worker.Active);
        Assert.Empty(snapshot.Problems);
    }

    [Fact]
    public async Task Balances_AreRead()
    {
        var snapshot = await Provider().FetchAsync(Token);

        Assert.Equal(0.5231, snapshot.Balances!.Single(b => b.Coin == "LTC").Amount);
        Assert.Equal(1840.12, snapshot.Balances!.Single(b => b.Coin == "DOGE").Amount);
    }

    [Fact]
    public async Task InvalidKey_GivesOneClearError()
    {
        var error = await Assert.ThrowsAsync<ViaBtcApiException>(() => Provider(apiKey: "wrong").FetchAsync(Token));

        Assert.Equal(12001, error.Code);
        Assert.Contains("Pools:ViaBtc:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _simulator.RequestCount(SimulatedSource.ViaBtc));
    }

    [Fact]
    public async Task IpNotAllowed_SaysAllowList()
    {
        _simulator.SetFault(SimulatedSource.ViaBtc, SimulatedFault.IpNotAllowed);

        var error = await Assert.ThrowsAsync<ViaBtcApiException>(() => Provider().FetchAsync(Token));

        Assert.Equal(12004, error.Code);
        Assert.Contains("IP allow-list", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _simulator.RequestCount(SimulatedSource.ViaBtc));
    }

    [Fact]
    public async Task Throttled_IsUnavailableAndThrottled()
    {
        _simulator.SetFault(SimulatedSource.ViaBtc, SimulatedFault.Throttle);

        var error = await Assert.ThrowsAsync<PoolUnavailableException>(() => Provider().FetchAsync(Token));

        Assert.True(error.IsThrottled);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
    }

    [Fact]
    public async Task Comparison_MatchesSimulatedFleet()
    {
        var snapshot = await Provider().FetchAsync(Token);
        var miners = Enumerable.Range(1, 12)
            .Select(i => new MinerSideHashrate($"miner-{i:00}", WorkerName.FromStratumUser($"acme.rig{i:00}"), 9.5e9))
            .ToList();

        var comparison = HashrateComparer.Compare(
            miners, snapshot.Workers!.Select(w => new PoolSideHashrate(WorkerName.Parse(w.Name)!, w.HashrateAverageHps)));

        Assert.Contains(snapshot.Workers!, w => !w.Name.Contains('.', StringComparison.Ordinal));
        Assert.Empty(comparison.UnseenMiners);
        Assert.Empty(comparison.UnclaimedWorkers);
        Assert.Equal(1.0, comparison.FleetRatio!.Value, 9);
    }
}
