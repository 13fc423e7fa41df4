using System.Text.Json.Nodes;
using FleetServerless.Cloud.Pools.Prohashing;
using FleetServerless.Cloud.Pools.Wamp;
using FleetServerless.Simulator.Pools;
using FleetServerless.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetServerless.Cloud.Tests.Pools;

public sealed class WampClientTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private PoolSimulator _simulator = null!;

    public async ValueTask InitializeAsync() => _simulator = await PoolSimulator.StartAsync();

    public async ValueTask DisposeAsync() => await _simulator.DisposeAsync();

    private CancellationToken Token => TestContext.Current.CancellationToken;

    private WampClient NewClient(string secret = "web", double callTimeoutSeconds = 10, bool acceptAnyCertificate = false) => new(
        new WampClientSettings
        {
            Url = _simulator.WampUrl,
            Realm = "mining",
            AuthId = "web",
            Secret = secret,
            CallTimeout = TimeSpan.FromSeconds(callTimeoutSeconds),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
            AcceptAnyServerCertificate = acceptAnyCertificate,
            RedactedValues = [_simulator.Settings.ProhashingApiKey],
        },
        new LoggerFactory([_logs]).CreateLogger<WampClient>());

    private ProhashingWampSource NewSource(WampClient client) =>
        new(client, _simulator.Settings.ProhashingApiKey, new LoggerFactory([_logs]).CreateLogger<ProhashingWampSource>());

    [Fact]
    public async Task Connect_AuthenticatesWithWampCra()
    {
        await using var client = NewClient();

        await client.ConnectAsync(Token);

        Assert.NotNull(client.SessionId);
        Assert.Equal(1, _simulator.Router.SessionsWelcomed);
    }

    [Fact]
    public async Task Connect_WrongSecret_IsRejected()
    {
        await using var client = NewClient(secret: "wrong");

        var error = await Assert.ThrowsAsync<WampException>(() => client.ConnectAsync(Token));

        Assert.Equal("wamp.error.not_authorized", error.ErrorUri);
        Assert.Equal(1, _simulator.Router.SessionsAborted);
    }

    [Fact]
    public async Task Connect_SaltedChallenge_DerivesKeyWithPbkdf2()
    {
        await using var salted = await PoolSimulator.StartAsync(new PoolSimulatorSettings { WampSalt = "pepper" });
        await using var client = new WampClient(
            new WampClientSettings { Url = salted.WampUrl, Realm = "mining", AuthId = "web", Secret = "web" },
            NullLogger<WampClient>.Instance);

        await client.ConnectAsync(Token);

        Assert.Equal(1, salted.Router.SessionsWelcomed);
    }

    [Fact]
    public async Task Call_ReturnsResultArguments()
    {
        await using var client = NewClient();

        var result = await client.CallAsync("f_all_profitability_updates", null, Token);

        var scrypt = result.Arguments?[0]?["1"];
        Assert.NotNull(scrypt);
        Assert.Equal("Scrypt", scrypt["algorithm_name"]?.GetValue<string>());
        Assert.Equal(0.0025041009705167, scrypt["usd"]!.GetValue<double>());
    }

    [Fact]
    public async Task Call_UnknownProcedure_RaisesRouterError()
    {
        await using var client = NewClient();

        var error = await Assert.ThrowsAsync<WampException>(() => client.CallAsync("f_no_such_thing", null, Token));

        Assert.Equal("wamp.error.no_such_procedure", error.ErrorUri);
    }

    [Fact]
    public async Task Call_Stalled_TimesOut()
    {
        await using var client = NewClient(callTimeoutSeconds: 0.5);
        _simulator.Router.StallProcedure("f_all_miner_updates");

        var error = await Assert.ThrowsAsync<WampException>(
            () => client.CallAsync("f_all_miner_updates", [_simulator.Settings.ProhashingApiKey], Token));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 6103);
    }

    [Fact]
    public async Task Call_AfterStalledCall_StillWorks()
    {
        await using var client = NewClient(callTimeoutSeconds: 0.5);
        _simulator.Router.StallProcedure("f_all_miner_updates");
        await Assert.ThrowsAsync<WampException>(() => client.CallAsync("f_all_miner_updates", ["x"], Token));

        var result = await client.CallAsync("f_all_profitability_updates", null, Token);

        Assert.NotNull(result.Arguments);
    }

    [Fact]
    public async Task Subscription_MergesMinerDiffByUuid()
    {
        await using var source = NewSource(NewClient());
        await source.FetchAsync(Token);
        var uuid = PoolSimulator.ConnectionUuid("rig03", 0);

        await _simulator.Router.PublishMinerDiffAsync(new JsonObject { ["uuid"] = uuid, ["adjusted_hashrate"] = 1e9 });
        await Wait.UntilAsync(() => source.EventsReceived >= 1, "the miner diff arrives");

        var worker = source.CurrentSnapshot().Workers!.Single(w => w.ConnectionId == uuid);
        Assert.Equal(1e9, worker.HashrateHps);
        Assert.Equal(9.5e9, worker.HashrateAverageHps);
        Assert.Equal("rig03", worker.Name);
        Assert.Equal(12, source.CurrentSnapshot().Workers!.Count);
    }

    [Fact]
    public async Task Subscription_MinerDiffKeyedByUuid_Merges()
    {
        await using var source = NewSource(NewClient());
        await source.FetchAsync(Token);
        var uuid = PoolSimulator.ConnectionUuid("rig05", 0);

        await _simulator.Router.PublishMinerDiffAsync(new JsonObject { [uuid] = new JsonObject { ["hashrate"] = "8e9" } });
        await Wait.UntilAsync(() => source.EventsReceived >= 1, "the miner diff arrives");

        var worker = source.CurrentSnapshot().Workers!.Single(w => w.ConnectionId == uuid);
        Assert.Equal(8e9, worker.HashrateAverageHps);
        Assert.Equal(9.5e9, worker.HashrateHps);
    }

    [Fact]
    public async Task Subscription_BalanceIncrementsAreAdded()
    {
        await using var source = NewSource(NewClient());
        var before = (await source.FetchAsync(Token)).Balances!.Single(b => b.Coin == "litecoin").Amount;

        await _simulator.Router.PublishBalanceIncrementAsync("litecoin", 0.01);
        await _simulator.Router.PublishBalanceIncrementAsync("litecoin", 0.02);
        await Wait.UntilAsync(() => source.EventsReceived >= 2, "both increments arrive");

        var after = source.CurrentSnapshot().Balances!.Single(b => b.Coin == "litecoin").Amount;
        Assert.Equal(before + 0.03, after, 9);
    }

    [Fact]
    public async Task DroppedSession_ReconnectsAndResubscribes()
    {
        await using var client = NewClient();
        var received = 0;
        await client.SubscribeAsync("profitability_updates", _ => Interlocked.Increment(ref received), Token);

        await _simulator.Router.DropSessionsAsync();
        await Wait.UntilAsync(() => client.SessionsOpened == 2 && _simulator.Router.OpenSubscriptions.Contains("profitability_updates"), "the client reconnects and subscribes again");
        await _simulator.Router.PublishProfitabilityAsync(new JsonObject { ["1"] = new JsonObject { ["usd"] = 0.003 } });
        await Wait.UntilAsync(() => Volatile.Read(ref received) == 1, "the event arrives on the new session");

        Assert.Equal(2, _simulator.Router.SessionsWelcomed);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 6101);
    }

    [Fact]
    public async Task DroppedSession_FailsPendingCall()
    {
        await using var client = NewClient();
        _simulator.Router.StallProcedure("f_all_balance_updates");
        var call = client.CallAsync("f_all_balance_updates", ["x"], Token);
        await Wait.UntilAsync(() => _simulator.Router.SessionsWelcomed == 1, "the session opens");

        await _simulator.Router.DropSessionsAsync();

        var error = await Assert.ThrowsAsync<WampException>(() => call);
        Assert.Contains("lost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateOptOut_IsLogged()
    {
        await using var client = NewClient(acceptAnyCertificate: true);

        await client.ConnectAsync(Token);

        Assert.Contains(_logs.Entries, e => e.EventId.Id == 6104 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Logs_NeverContainApiKey()
    {
        await using var source = NewSource(NewClient(callTimeoutSeconds: 0.5));
        _simulator.Router.StallProcedure("f_all_miner_updates");
        await source.FetchAsync(Token);
        await _simulator.Router.DropSessionsAsync();
        await Wait.UntilAsync(() => source.Client.SessionsOpened == 2, "the client reconnects");

        Assert.NotEmpty(_logs.Entries);
        Assert.DoesNotContain(_simulator.Settings.ProhashingApiKey, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_MatchesKnownHmac()
    {
        // A widely published HMAC-SHA256 value: key "key", message "The quick brown fox jumps over the lazy dog".
        var signature = WampCra.Sign("The quick brown fox jumps over the lazy dog", "key");

        Assert.Equal(Convert.ToBase64String(Convert.FromHexString("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")), signature);
    }
}
