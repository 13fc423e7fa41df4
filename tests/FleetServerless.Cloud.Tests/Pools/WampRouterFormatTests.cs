using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using FleetServerless.Cloud.Pools.Wamp;
using FleetServerless.Simulator.Pools;

namespace FleetServerless.Cloud.Tests.Pools;

/// <summary>
/// The simulated router's raw messages against the WAMP v2 formats Prohashing clients rely on, read with a bare
/// WebSocket so that the client under test cannot hide a format mistake.
/// </summary>
public sealed class WampRouterFormatTests : IAsyncLifetime
{
    private PoolSimulator _simulator = null!;

    public async ValueTask InitializeAsync() => _simulator = await PoolSimulator.StartAsync();

    public async ValueTask DisposeAsync() => await _simulator.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task SendAsync(ClientWebSocket socket, JsonArray message) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, Token);

    private static async Task<JsonArray> ReadAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, Token);
        Assert.True(received.EndOfMessage, "The simulator sends each message in one frame.");
        return JsonNode.Parse(buffer.AsSpan(0, received.Count))!.AsArray();
    }

    private async Task<ClientWebSocket> WelcomedAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("wamp.2.json");
        await socket.ConnectAsync(_simulator.WampUrl, Token);
        await SendAsync(socket, new JsonArray(1, "mining", new JsonObject { ["authmethods"] = new JsonArray("wampcra"), ["authid"] = "web" }));
        var challenge = await ReadAsync(socket);
        var signature = WampCra.Sign(challenge[2]!["challenge"]!.GetValue<string>(), "web");
        await SendAsync(socket, new JsonArray(5, signature, new JsonObject()));
        var welcome = await ReadAsync(socket);
        Assert.Equal(2, welcome[0]!.GetValue<int>());
        return socket;
    }

    [Fact]
    public async Task Handshake_FollowsHelloChallengeWelcome()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("wamp.2.json");
        await socket.ConnectAsync(_simulator.WampUrl, Token);

        await SendAsync(socket, new JsonArray(1, "mining", new JsonObject { ["authmethods"] = new JsonArray("wampcra"), ["authid"] = "web" }));
        var challenge = await ReadAsync(socket);
        await SendAsync(socket, new JsonArray(5, WampCra.Sign(challenge[2]!["challenge"]!.GetValue<string>(), "web"), new JsonObject()));
        var welcome = await ReadAsync(socket);

        Assert.Equal("wamp.2.json", socket.SubProtocol);
        Assert.Equal(4, challenge[0]!.GetValue<int>());
        Assert.Equal("wampcra", challenge[1]!.GetValue<string>());
        Assert.Equal(2, welcome[0]!.GetValue<int>());
        Assert.True(welcome[1]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Call_ReturnsResultWithRequestId()
    {
        using var socket = await WelcomedAsync();

        await SendAsync(socket, new JsonArray(48, 7, new JsonObject(), "f_all_balance_updates", new JsonArray(_simulator.Settings.ProhashingApiKey)));
        var result = await ReadAsync(socket);

        Assert.Equal(50, result[0]!.GetValue<int>());
        Assert.Equal(7, result[1]!.GetValue<long>());
        Assert.IsType<JsonObject>(result[3]![0]);
    }

    [Fact]
    public async Task Subscribe_ThenEventCarriesSubscriptionId()
    {
        using var socket = await WelcomedAsync();

        await SendAsync(socket, new JsonArray(32, 9, new JsonObject(), "profitability_updates"));
        var subscribed = await ReadAsync(socket);
        await _simulator.Router.PublishProfitabilityAsync(new JsonObject { ["1"] = new JsonObject { ["usd"] = 0.003 } });
        var wampEvent = await ReadAsync(socket);

        Assert.Equal(33, subscribed[0]!.GetValue<int>());
        Assert.Equal(9, subscribed[1]!.GetValue<long>());
        Assert.Equal(36, wampEvent[0]!.GetValue<int>());
        Assert.Equal(subscribed[2]!.GetValue<long>(), wampEvent[1]!.GetValue<long>());
        Assert.Equal(0.003, wampEvent[4]![0]!["1"]!["usd"]!.GetValue<double>());
    }

    [Fact]
    public async Task UnknownProcedure_ReturnsErrorForCall()
    {
        using var socket = await WelcomedAsync();

        await SendAsync(socket, new JsonArray(48, 11, new JsonObject(), "f_missing"));
        var error = await ReadAsync(socket);

        Assert.Equal(8, error[0]!.GetValue<int>());
        Assert.Equal(48, error[1]!.GetValue<int>());
        Assert.Equal(11, error[2]!.GetValue<long>());
        Assert.Equal("wamp.error.no_such_procedure", error[4]!.GetValue<string>());
    }

    [Fact]
    public async Task BadSignature_GetsAbort()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("wamp.2.json");
        await socket.ConnectAsync(_simulator.WampUrl, Token);
        await SendAsync(socket, new JsonArray(1, "mining", new JsonObject { ["authmethods"] = new JsonArray("wampcra"), ["authid"] = "web" }));
        await ReadAsync(socket);

        await SendAsync(socket, new JsonArray(5, "bm90IGEgc2lnbmF0dXJl", new JsonObject()));
        var abort = await ReadAsync(socket);

        Assert.Equal(3, abort[0]!.GetValue<int>());
        Assert.Equal("wamp.error.not_authorized", abort[2]!.GetValue<string>());
    }

    [Fact]
    public async Task Goodbye_GetsGoodbyeReply()
    {
        using var socket = await WelcomedAsync();

        await SendAsync(socket, new JsonArray(6, new JsonObject(), "wamp.close.system_shutdown"));
        var goodbye = await ReadAsync(socket);

        Assert.Equal(6, goodbye[0]!.GetValue<int>());
        Assert.Equal("wamp.close.goodbye_and_out", goodbye[2]!.GetValue<string>());
    }
}
