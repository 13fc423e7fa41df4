using System.Text.Json.Nodes;
using FleetServerless.Cloud.Pools;
using FleetServerless.Cloud.Pools.Prohashing;
using FleetServerless.Simulator.Pools;

namespace FleetServerless.Cloud.Tests.Pools;

/// <summary>Each malformed-response quirk Prohashing clients have seen, against the REST and proxy imitations.</summary>
public sealed class ProhashingQuirkTests : IAsyncLifetime
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

    private ProhashingRestSource Rest(string? apiKey = null) =>
        new(_http, _simulator.ProhashingRestUrl, apiKey ?? _simulator.Settings.ProhashingApiKey);

    private ProhashingProxySource Proxy(string? token = null) => new(_http, _simulator.ProxyUrl, token);

    private static AlgorithmProfitability Scrypt(PoolSnapshot snapshot) => snapshot.Profitability!.Single(p => p.Algorithm == "scrypt");

    [Fact]
    public async Task Rest_ConvertsFactorToPerMhsDay()
    {
        var snapshot = await Rest().FetchAsync(Token);

        Assert.Equal(_simulator.Settings.ScryptBtcPerMhsDay, Scrypt(snapshot).BtcPerMhsDay!.Value, 15);
        Assert.Null(Scrypt(snapshot).UsdPerMhsDay);
        Assert.Equal(12, snapshot.Workers!.Count);
        Assert.Contains(snapshot.Balances!, b => b.Coin == "LTC");
    }

    [Fact]
    public async Task Rest_NumbersAsStrings_AreParsed()
    {
        _simulator.SetFault(SimulatedSource.ProhashingRest, SimulatedFault.NumbersAsStrings);

        var snapshot = await Rest().FetchAsync(Token);

        Assert.Equal(_simulator.Settings.ScryptBtcPerMhsDay, Scrypt(snapshot).BtcPerMhsDay!.Value, 15);
        Assert.Equal(9.5e9, snapshot.Workers![0].HashrateHps);
        Assert.Equal(0.25, snapshot.Balances!.Single(b => b.Coin == "LTC").Amount);
    }

    [Fact]
    public async Task Rest_NullNumbers_AreUnknownNotZero()
    {
        _simulator.SetFault(SimulatedSource.ProhashingRest, SimulatedFault.NullNumbers);

        var snapshot = await Rest().FetchAsync(Token);

        Assert.Null(Scrypt(snapshot).BtcPerMhsDay);
        Assert.Null(snapshot.Workers![0].HashrateHps);
        Assert.Contains(snapshot.Problems, p => p.Contains("mbtc_mh_factor of scrypt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rest_ZeroFactor_IsRejectedNotDivided()
    {
        _simulator.SetFault(SimulatedSource.ProhashingRest, SimulatedFault.ZeroFactor);

        var snapshot = await Rest().FetchAsync(Token);

        Assert.Null(Scrypt(snapshot).BtcPerMhsDay);
        Assert.Contains(snapshot.Problems, p => p.Contains("mbtc_mh_factor of scrypt is 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Rest_MissingFactor_IsRejected()
    {
        var problems = new List<string>();
        var data = new JsonObject { ["scrypt"] = new JsonObject { ["name"] = "scrypt", ["estimate_current"] = 6.8e-7 } };

        var parsed = ProhashingRestSource.ParseStatus(data, DateTimeOffset.UnixEpoch, problems);

        Assert.Null(parsed.Single().BtcPerMhsDay);
        Assert.Contains(problems, p => p.Contains("mbtc_mh_factor of scrypt is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rest_ZeroPrice_IsUnknownNotZero()
    {
        _simulator.SetFault(SimulatedSource.ProhashingRest, SimulatedFault.ZeroPrice);

        var snapshot = await Rest().FetchAsync(Token);

        Assert.Null(Scrypt(snapshot).BtcPerMhsDay);
        Assert.Contains(snapshot.Problems, p => p.Contains("not zero", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rest_MissingAlgorithm_IsReported()
    {
        _simulator.SetFault(SimulatedSource.ProhashingRest, SimulatedFault.MissingAlgorithm);

        var snapshot = await Rest().FetchAsync(Token);

        Assert.DoesNotContain(snapshot.Profitability!, p => p.Algorithm == "scrypt");
        Assert.Contains(snapshot.Problems, p => p.Contains("no scrypt entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rest_HtmlPage_IsClearError()
    {
        _simulator.SetFault(SimulatedSource.ProhashingRest, SimulatedFault.Html);

        var error = await Assert.ThrowsAsync<PoolUnavailableException>(() => Rest().FetchAsync(Token));

        Assert.Contains("HTML page instead of JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_InvalidKey_NamesTheSetting()
    {
        var snapshot = await Rest(apiKey: "wrong").FetchAsync(Token);

        Assert.NotNull(snapshot.Profitability);
        Assert.Null(snapshot.Balances);
        Assert.Contains(snapshot.Problems, p => p.Contains("code 400", StringComparison.Ordinal) && p.Contains("Pools:Prohashing:ApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Proxy_ReadsProfitabilityWithDataTimestamp()
    {
        var snapshot = await Proxy().FetchAsync(Token);

        var scrypt = Scrypt(snapshot);
        Assert.Equal(0.0025041009705167, scrypt.UsdPerMhsDay);
        Assert.True(snapshot.FetchedAt - scrypt.ObservedAt >= TimeSpan.FromSeconds(2), "ObservedAt must come from data_timestamp, 3 s before the server time.");
    }

    [Fact]
    public async Task Proxy_EmptyObject_IsNoDataYet()
    {
        _simulator.SetFault(SimulatedSource.Proxy, SimulatedFault.Empty);

        var error = await Assert.ThrowsAsync<PoolUnavailableException>(() => Proxy().FetchAsync(Token));

        Assert.Contains("no profitability yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_BearerToken_IsSent()
    {
        await using var guarded = await PoolSimulator.StartAsync(new PoolSimulatorSettings { ProxyBearerToken = "s3cret" });
        var withToken = new ProhashingProxySource(_http, guarded.ProxyUrl, "s3cret");
        var without = new ProhashingProxySource(_http, guarded.ProxyUrl, null);

        var snapshot = await withToken.FetchAsync(Token);
        var error = await Assert.ThrowsAsync<PoolUnavailableException>(() => without.FetchAsync(Token));

        Assert.NotNull(snapshot.Profitability);
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_ZeroUsd_IsUnknownNotZero()
    {
        _simulator.SetFault(SimulatedSource.Proxy, SimulatedFault.ZeroPrice);

        var snapshot = await Proxy().FetchAsync(Token);

        Assert.Null(Scrypt(snapshot).UsdPerMhsDay);
        Assert.Contains(snapshot.Problems, p => p.Contains("usd of scrypt is 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Proxy_StringNumbers_AreParsed()
    {
        _simulator.SetFault(SimulatedSource.Proxy, SimulatedFault.NumbersAsStrings);

        var snapshot = await Proxy().FetchAsync(Token);

        Assert.Equal(0.0025041009705167, Scrypt(snapshot).UsdPerMhsDay);
    }

    [Fact]
    public void Profitability_MaxBelowUsd_KeepsUsd()
    {
        var problems = new List<string>();
        var data = JsonNode.Parse("""{"1":{"algorithm_name":"Scrypt","usd":0.0025,"btc":6.8e-7,"max_usd":0.001,"percentile_usd":0.004,"data_timestamp":1547510680.4959}}""")!.AsObject();

        var parsed = ProhashingProfitabilityParser.Parse(data, DateTimeOffset.UnixEpoch, problems);

        Assert.Equal(0.0025, parsed.Single().UsdPerMhsDay);
        Assert.Empty(problems);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1547510680495), parsed.Single().ObservedAt);
    }

    [Fact]
    public void Profitability_TextPrice_IsReportedWithValue()
    {
        var problems = new List<string>();
        var data = JsonNode.Parse("""{"1":{"algorithm_name":"Scrypt","usd":"n/a","btc":null,"data_timestamp":1547510680}}""")!.AsObject();

        var parsed = ProhashingProfitabilityParser.Parse(data, DateTimeOffset.UnixEpoch, problems);

        Assert.Null(parsed.Single().UsdPerMhsDay);
        Assert.Contains(problems, p => p.Contains("'n/a'", StringComparison.Ordinal));
    }

    [Fact]
    public void Profitability_DiffMergesFieldByField()
    {
        var target = JsonNode.Parse("""{"1":{"algorithm_name":"Scrypt","usd":0.0025,"btc":6.8e-7}}""")!.AsObject();

        ProhashingProfitabilityParser.Merge(target, JsonNode.Parse("""{"1":{"usd":0.003}}""")!.AsObject());

        Assert.Equal(0.003, target["1"]!["usd"]!.GetValue<double>());
        Assert.Equal(6.8e-7, target["1"]!["btc"]!.GetValue<double>());
    }

    [Fact]
    public async Task Wamp_StalledMinerCall_KeepsOtherData()
    {
        await using var client = new Cloud.Pools.Wamp.WampClient(
            new Cloud.Pools.Wamp.WampClientSettings
            {
                Url = _simulator.WampUrl, Realm = "mining", AuthId = "web", Secret = "web", CallTimeout = TimeSpan.FromSeconds(0.5),
            },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Cloud.Pools.Wamp.WampClient>.Instance);
        await using var source = new ProhashingWampSource(client, _simulator.Settings.ProhashingApiKey,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ProhashingWampSource>.Instance);
        _simulator.Router.StallProcedure("f_all_miner_updates");

        var snapshot = await source.FetchAsync(Token);

        Assert.NotNull(snapshot.Profitability);
        Assert.NotNull(snapshot.Balances);
        Assert.Null(snapshot.Workers);
        Assert.Contains(snapshot.Problems, p => p.Contains("f_all_miner_updates failed", StringComparison.Ordinal) && p.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wamp_WrongApiKey_GivesEmptyWorkers()
    {
        await using var client = new Cloud.Pools.Wamp.WampClient(
            new Cloud.Pools.Wamp.WampClientSettings { Url = _simulator.WampUrl, Realm = "mining", AuthId = "web", Secret = "web" },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Cloud.Pools.Wamp.WampClient>.Instance);
        await using var source = new ProhashingWampSource(client, "not-the-key",
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ProhashingWampSource>.Instance);

        var snapshot = await source.FetchAsync(Token);

        Assert.NotNull(snapshot.Workers);
        Assert.Empty(snapshot.Workers);
    }

    [Fact]
    public async Task Wamp_SubscribesToRenamedDiffTopic()
    {
        await using var client = new Cloud.Pools.Wamp.WampClient(
            new Cloud.Pools.Wamp.WampClientSettings { Url = _simulator.WampUrl, Realm = "mining", AuthId = "web", Secret = "web" },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Cloud.Pools.Wamp.WampClient>.Instance);
        await using var source = new ProhashingWampSource(client, "k1",
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ProhashingWampSource>.Instance);

        await source.FetchAsync(Token);

        Assert.Contains("miner_update_diffs_k1", _simulator.Router.OpenSubscriptions);
        Assert.DoesNotContain("miner_updates_k1", _simulator.Router.OpenSubscriptions);
    }
}
