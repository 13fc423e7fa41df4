using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Simulator.Pools;

/// <summary>
/// A WAMP v2 router (JSON serialization, WAMP-CRA) with the Prohashing procedures and topics: enough of a
/// dealer and broker for one client per session. Commands stall calls and drop sessions.
/// </summary>
public sealed class WampRouter
{
    private readonly PoolSimulatorSettings _settings;
    private readonly ProhashingData _data;
    private readonly Func<SimulatedFault> _fault;
    private readonly ConcurrentDictionary<long, RouterSession> _sessions = new();
    private readonly ConcurrentDictionary<string, byte> _stalledProcedures = new(StringComparer.Ordinal);
    private long _nextId;
    private int _sessionsWelcomed;

    internal WampRouter(PoolSimulatorSettings settings, ProhashingData data, Func<SimulatedFault> fault)
    {
        _settings = settings;
        _data = data;
        _fault = fault;
    }

    /// <summary>Sessions that passed authentication since start.</summary>
    public int SessionsWelcomed => _sessionsWelcomed;

    /// <summary>Sessions rejected with ABORT since start.</summary>
    public int SessionsAborted { get; private set; }

    /// <summary>Topics subscribed on any open session.</summary>
    public IReadOnlyList<string> OpenSubscriptions => _sessions.Values.SelectMany(s => s.Topics.Values).ToList();

    /// <summary>Stops sending RESULTs for CALLs of <paramref name="procedure"/> until <see cref="ResumeProcedure"/>.</summary>
    public void StallProcedure(string procedure) => _stalledProcedures[procedure] = 0;

    public void ResumeProcedure(string procedure) => _stalledProcedures.TryRemove(procedure, out _);

    /// <summary>Closes every open session without GOODBYE, as the real pool sometimes does.</summary>
    public async Task DropSessionsAsync()
    {
        foreach (var session in _sessions.Values)
        {
            session.Socket.Abort();
            await Task.Yield();
        }
    }

    /// <summary>Publishes a profitability diff: the algorithm id and the fields that changed.</summary>
    public Task PublishProfitabilityAsync(JsonObject diffByAlgorithmId) =>
        PublishAsync("profitability_updates", new JsonArray(diffByAlgorithmId));

    /// <summary>Publishes a partial miner object; it must carry the <c>uuid</c> of the connection it updates.</summary>
    public Task PublishMinerDiffAsync(JsonObject partialMiner) =>
        PublishAsync($"miner_update_diffs_{_settings.ProhashingApiKey}", new JsonArray(partialMiner));

    /// <summary>Publishes a balance increment and adds it to the balance <c>f_all_balance_updates</c> returns.</summary>
    public Task PublishBalanceIncrementAsync(string coin, double increment)
    {
        _data.AddToBalance(coin, increment);
        return PublishAsync($"balance_updates_{_settings.ProhashingApiKey}", new JsonArray(new JsonObject { ["coin"] = coin, ["balance"] = increment }));
    }

    /// <summary>Runs one WebSocket session until the client leaves or the session is dropped.</summary>
    internal async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("A WebSocket upgrade with subprotocol wamp.2.json is expected.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync("wamp.2.json");
        var session = await WelcomeAsync(socket, context.RequestAborted);
        if (session is null)
        {
            return;
        }

        _sessions[session.Id] = session;
        try
        {
            await ServeAsync(session, context.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client left or the session was dropped on command.
        }
        finally
        {
            _sessions.TryRemove(session.Id, out _);
        }
    }

    private async Task<RouterSession?> WelcomeAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var hello = await ReadAsync(socket, cancellationToken);
        if (hello is null || hello[0]?.GetValue<int>() != 1 || hello[1]?.GetValue<string>() != _settings.WampRealm)
        {
            await AbortAsync(socket, "wamp.error.no_such_realm", cancellationToken);
            return null;
        }

        var challenge = new JsonObject
        {
            ["authid"] = hello[2]?["authid"]?.GetValue<string>(),
            ["nonce"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        }.ToJsonString();
        var extra = new JsonObject { ["challenge"] = challenge };
        if (_settings.WampSalt is not null)
        {
            extra["salt"] = _settings.WampSalt;
            extra["iterations"] = 100;
            extra["keylen"] = 32;
        }

        await SendAsync(socket, new JsonArray(4, "wampcra", extra), cancellationToken);
        var authenticate = await ReadAsync(socket, cancellationToken);
        var signature = authenticate?[1]?.GetValue<string>();
        var authId = hello[2]?["authid"]?.GetValue<string>();
        if (authenticate?[0]?.GetValue<int>() != 5 || authId != _settings.WampAuthId || signature != ExpectedSignature(challenge))
        {
            await AbortAsync(socket, "wamp.error.not_authorized", cancellationToken);
            return null;
        }

        var session = new RouterSession(Interlocked.Increment(ref _nextId), socket);
        await SendAsync(socket, new JsonArray(2, session.Id, new JsonObject { ["authid"] = authId, ["authmethod"] = "wampcra", ["roles"] = new JsonObject { ["dealer"] = new JsonObject(), ["broker"] = new JsonObject() } }), cancellationToken);
        Interlocked.Increment(ref _sessionsWelcomed);
        return session;
    }

    /// <summary>The WAMP-CRA signature, computed here independently of the client's code.</summary>
    private string ExpectedSignature(string challenge)
    {
        byte[] key;
        if (_settings.WampSalt is null)
        {
            key = Encoding.UTF8.GetBytes(_settings.WampSecret);
        }
        else
        {
            var derived = Rfc2898DeriveBytes.Pbkdf2(_settings.WampSecret, Encoding.UTF8.GetBytes(_settings.WampSalt), 100, HashAlgorithmName.SHA256, 32);
            key = Encoding.ASCII.GetBytes(Convert.ToBase64String(derived));
        }

        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(challenge)));
    }

    private async Task ServeAsync(RouterSession session, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await ReadAsync(session.Socket, cancellationToken);
            if (message is null)
            {
                return;
            }

            switch (message[0]?.GetValue<int>())
            {
                case 48:
                    await AnswerCallAsync(session, message, cancellationToken);
                    break;
                case 32:
                    var subscriptionId = Interlocked.Increment(ref _nextId);
                    session.Topics[subscriptionId] = message[3]!.GetValue<string>();
                    await session.SendAsync(new JsonArray(33, message[1]!.GetValue<long>(), subscriptionId), cancellationToken);
                    break;
                case 6:
                    await session.SendAsync(new JsonArray(6, new JsonObject(), "wamp.close.goodbye_and_out"), cancellationToken);
                    await session.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "goodbye", cancellationToken);
                    return;
            }
        }
    }

    private async Task AnswerCallAsync(RouterSession session, JsonArray call, CancellationToken cancellationToken)
    {
        var requestId = call[1]!.GetValue<long>();
        var procedure = call[3]!.GetValue<string>();
        if (_stalledProcedures.ContainsKey(procedure))
        {
            return;
        }

        var arguments = call.Count > 4 ? call[4] as JsonArray : null;
        var keyMatches = arguments?.Count > 0 && arguments[0]?.GetValue<string>() == _settings.ProhashingApiKey;
        var fault = _fault();
        JsonNode? result = procedure switch
        {
            "f_all_profitability_updates" => _data.Profitability(fault),
            "f_all_miner_updates" => keyMatches ? _data.Miners(fault) : new JsonArray(),
            "f_all_balance_updates" => keyMatches ? _data.Balances() : new JsonObject(),
            _ => null,
        };

        if (result is null)
        {
            await session.SendAsync(new JsonArray(8, 48, requestId, new JsonObject(), "wamp.error.no_such_procedure"), cancellationToken);
            return;
        }

        await session.SendAsync(new JsonArray(50, requestId, new JsonObject(), new JsonArray(result)), cancellationToken);
    }

    private async Task PublishAsync(string topic, JsonArray arguments)
    {
        foreach (var session in _sessions.Values)
        {
            foreach (var (subscriptionId, subscribedTopic) in session.Topics)
            {
                if (subscribedTopic == topic)
                {
                    var publicationId = Interlocked.Increment(ref _nextId);
                    var payload = (JsonArray)arguments.DeepClone();
                    await session.SendAsync(new JsonArray(36, subscriptionId, publicationId, new JsonObject(), payload), CancellationToken.None);
                }
            }
        }
    }

    private async Task AbortAsync(WebSocket socket, string reason, CancellationToken cancellationToken)
    {
        SessionsAborted++;
        await SendAsync(socket, new JsonArray(3, new JsonObject { ["message"] = "rejected by the simulator" }, reason), cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, reason, cancellationToken);
    }

    internal static async Task SendAsync(WebSocket socket, JsonArray message, CancellationToken cancellationToken) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<JsonArray?> ReadAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray()) as JsonArray;
            }
        }
    }

    private sealed class RouterSession(long id, WebSocket socket)
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public long Id { get; } = id;

        public WebSocket Socket { get; } = socket;

        public ConcurrentDictionary<long, string> Topics { get; } = new();

        public async Task SendAsync(JsonArray message, CancellationToken cancellationToken)
        {
            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                await WampRouter.SendAsync(Socket, message, cancellationToken);
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }
}
