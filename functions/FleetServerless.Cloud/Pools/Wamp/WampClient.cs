using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Pools.Wamp;

/// <summary>
/// A WAMP v2 client (JSON serialization, WAMP-CRA) over <see cref="ClientWebSocket"/> with the caller and
/// subscriber roles. Every CALL and SUBSCRIBE has a timeout. When the session drops, pending requests fail
/// with <see cref="WampException"/> and the client reconnects with exponential back-off and subscribes again
/// to every topic it had. Safe for concurrent calls.
/// </summary>
public sealed class WampClient : IAsyncDisposable
{
    /// <summary>Messages above this size close the session: no pool message comes near it.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    private const string SubProtocol = "wamp.2.json";

    private readonly WampClientSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonArray>> _pending = new();
    private readonly ConcurrentDictionary<string, Action<WampEvent>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _topicsBySubscription = new();
    private readonly CancellationTokenSource _disposing = new();
    private ClientWebSocket? _socket;
    private long _nextRequestId;
    private int _sessionsOpened;
    private int _reconnecting;

    public WampClient(WampClientSettings settings, ILogger<WampClient> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        _settings = settings;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Raised with the session id each time a session opens, after its subscriptions are in place.</summary>
    public event Action<long>? SessionOpened;

    /// <summary>The current session id; null while disconnected.</summary>
    public long? SessionId { get; private set; }

    /// <summary>Sessions opened since the client was created: 2 or more means it reconnected.</summary>
    public int SessionsOpened => _sessionsOpened;

    public bool IsConnected => SessionId is not null && _socket?.State == WebSocketState.Open;

    /// <summary>Opens a session unless one is open. Throws <see cref="WampException"/> when the router aborts.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            if (!IsConnected)
            {
                await OpenSessionAsync(cancellationToken);
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Calls a procedure and returns its RESULT; throws <see cref="WampException"/> on ERROR, timeout or a lost session.</summary>
    public async Task<WampResult> CallAsync(string procedure, JsonArray? arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(procedure);
        await ConnectAsync(cancellationToken);

        var requestId = NextRequestId();
        var message = new JsonArray(WampMessageCode.Call, requestId, new JsonObject(), procedure);
        if (arguments is not null)
        {
            message.Add(arguments);
        }

        var response = await SendRequestAsync(requestId, message, $"CALL {Redact(procedure)}", cancellationToken);
        return new WampResult(response.Count > 3 ? response[3] as JsonArray : null, response.Count > 4 ? response[4] as JsonObject : null);
    }

    /// <summary>
    /// Subscribes to a topic now and after every reconnect. One handler per topic: a second call replaces it.
    /// The handler runs on the receive loop, so it must be quick and must not call back into the client.
    /// </summary>
    public async Task SubscribeAsync(string topic, Action<WampEvent> handler, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var isNew = _handlers.TryAdd(topic, handler);
        if (!isNew)
        {
            _handlers[topic] = handler;
            if (IsConnected)
            {
                return;
            }
        }

        await ConnectAsync(cancellationToken);
        if (isNew && !_topicsBySubscription.Values.Contains(topic))
        {
            await SubscribeOnSessionAsync(topic, cancellationToken);
        }
    }

    /// <summary>Sends GOODBYE, closes the socket and stops reconnecting.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposing.IsCancellationRequested)
        {
            return;
        }

        await _disposing.CancelAsync();
        var socket = _socket;
        if (socket?.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
                await SendAsync(socket, new JsonArray(WampMessageCode.Goodbye, new JsonObject(), "wamp.close.system_shutdown"), timeout.Token);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closing", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The router is gone already, so the GOODBYE has no one to reach.
            }
        }

        socket?.Dispose();
        FailPending("the WAMP client was closed");
    }

    private async Task OpenSessionAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(SubProtocol);
        socket.Options.SetRequestHeader("User-Agent", _settings.UserAgent);
        if (_settings.AcceptAnyServerCertificate)
        {
            WampLog.CertificateValidationOff(_logger, _settings.Url);
            socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        timeout.CancelAfter(_settings.ConnectTimeout);
        long sessionId;
        try
        {
            await socket.ConnectAsync(_settings.Url, timeout.Token);
            sessionId = await AuthenticateAsync(socket, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException or InvalidOperationException)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new WampException($"Could not open a WAMP session to {_settings.Url}: {ex.Message}. Check the URL, the realm and that the router is up.", null, ex);
        }
        catch (WampException)
        {
            socket.Dispose();
            throw;
        }

        _topicsBySubscription.Clear();
        _socket = socket;
        SessionId = sessionId;
        _ = Task.Run(() => ReceiveLoopAsync(socket));
        WampLog.SessionOpened(_logger, sessionId, _settings.Url, _settings.Realm);

        foreach (var topic in _handlers.Keys)
        {
            await SubscribeOnSessionAsync(topic, cancellationToken);
        }

        Interlocked.Increment(ref _sessionsOpened);
        SessionOpened?.Invoke(sessionId);
    }

    private async Task<long> AuthenticateAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var details = new JsonObject
        {
            ["roles"] = new JsonObject { ["caller"] = new JsonObject(), ["subscriber"] = new JsonObject() },
            ["authmethods"] = new JsonArray("wampcra"),
            ["authid"] = _settings.AuthId,
        };
        await SendAsync(socket, new JsonArray(WampMessageCode.Hello, _settings.Realm, details), cancellationToken);

        while (true)
        {
            var message = await ReadMessageAsync(socket, cancellationToken)
                ?? throw new WampException($"The WAMP router at {_settings.Url} closed the connection during authentication.");
            switch (message[0]?.GetValue<int>())
            {
                case WampMessageCode.Challenge:
                    var signature = SignChallenge(message);
                    await SendAsync(socket, new JsonArray(WampMessageCode.Authenticate, signature, new JsonObject()), cancellationToken);
                    break;
                case WampMessageCode.Welcome:
                    return message[1]!.GetValue<long>();
                case WampMessageCode.Abort:
                    var reason = message.Count > 2 ? message[2]?.ToString() : null;
                    throw new WampException(
                        $"The WAMP router at {_settings.Url} rejected the session: {reason}. Check the realm, auth id and secret.", reason);
                default:
                    throw new WampException($"The WAMP router at {_settings.Url} sent message type {message[0]} before WELCOME.");
            }
        }
    }

    private string SignChallenge(JsonArray challengeMessage)
    {
        var extra = challengeMessage.Count > 2 ? challengeMessage[2] as JsonObject : null;
        var challenge = extra?["challenge"]?.GetValue<string>()
            ?? throw new WampException("The WAMP-CRA CHALLENGE carries no challenge string.");
        var salt = extra["salt"]?.GetValue<string>();
        var iterations = extra["iterations"]?.GetValue<int>() ?? 1000;
        var keyLength = extra["keylen"]?.GetValue<int>() ?? 32;
        return WampCra.Sign(challenge, _settings.Secret, salt, iterations, keyLength);
    }

    private async Task SubscribeOnSessionAsync(string topic, CancellationToken cancellationToken)
    {
        var requestId = NextRequestId();
        var message = new JsonArray(WampMessageCode.Subscribe, requestId, new JsonObject(), topic);
        var response = await SendRequestAsync(requestId, message, $"SUBSCRIBE {Redact(topic)}", cancellationToken);
        var subscriptionId = response[2]!.GetValue<long>();
        _topicsBySubscription[subscriptionId] = topic;
        WampLog.Subscribed(_logger, Redact(topic), subscriptionId);
    }

    private async Task<JsonArray> SendRequestAsync(long requestId, JsonArray message, string description, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new WampException($"WAMP {description} failed: no session is open.");
        var completion = new TaskCompletionSource<JsonArray>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[requestId] = completion;
        try
        {
            await SendAsync(socket, message, cancellationToken);
            return await completion.Task.WaitAsync(_settings.CallTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            WampLog.RequestTimedOut(_logger, description, _settings.CallTimeout.TotalSeconds);
            throw new WampException($"WAMP {description} timed out after {_settings.CallTimeout.TotalSeconds:0.###} s.");
        }
        catch (WebSocketException ex)
        {
            throw new WampException($"WAMP {description} failed: the connection broke ({ex.Message}).", null, ex);
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket)
    {
        var reason = "the router closed the connection";
        try
        {
            while (true)
            {
                JsonArray? message;
                try
                {
                    message = await ReadMessageAsync(socket, _disposing.Token);
                }
                catch (JsonException ex)
                {
                    WampLog.MessageInvalid(_logger, ex, _settings.Url);
                    continue;
                }

                if (message is null)
                {
                    break;
                }

                await DispatchAsync(socket, message);
            }
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            return;
        }
        catch (WebSocketException ex)
        {
            reason = ex.Message;
        }

        OnSessionLost(socket, reason);
    }

    private async Task DispatchAsync(ClientWebSocket socket, JsonArray message)
    {
        switch (message[0]?.GetValue<int>())
        {
            case WampMessageCode.Result:
            case WampMessageCode.Subscribed:
                Complete(message[1]!.GetValue<long>(), message);
                break;
            case WampMessageCode.Error:
                FailRequest(message);
                break;
            case WampMessageCode.Event:
                DeliverEvent(message);
                break;
            case WampMessageCode.Goodbye:
                var reason = message.Count > 2 ? message[2]?.ToString() ?? "" : "";
                WampLog.GoodbyeReceived(_logger, _settings.Url, reason);
                await SendAsync(socket, new JsonArray(WampMessageCode.Goodbye, new JsonObject(), "wamp.close.goodbye_and_out"), CancellationToken.None);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "goodbye", CancellationToken.None);
                break;
        }
    }

    private void Complete(long requestId, JsonArray message)
    {
        if (_pending.TryGetValue(requestId, out var completion))
        {
            completion.TrySetResult(message);
        }
    }

    private void FailRequest(JsonArray message)
    {
        var requestId = message[2]!.GetValue<long>();
        var errorUri = message.Count > 4 ? message[4]?.GetValue<string>() : null;
        if (_pending.TryGetValue(requestId, out var completion))
        {
            completion.TrySetException(new WampException($"The WAMP router returned error {errorUri}.", errorUri));
        }
    }

    private void DeliverEvent(JsonArray message)
    {
        var subscriptionId = message[1]!.GetValue<long>();
        if (!_topicsBySubscription.TryGetValue(subscriptionId, out var topic) || !_handlers.TryGetValue(topic, out var handler))
        {
            return;
        }

        var wampEvent = new WampEvent(
            topic,
            message[2]!.GetValue<long>(),
            message.Count > 4 ? message[4] as JsonArray : null,
            message.Count > 5 ? message[5] as JsonObject : null);
        try
        {
            handler(wampEvent);
        }
        catch (Exception ex)
        {
            WampLog.HandlerFailed(_logger, ex, Redact(topic));
        }
    }

    private void OnSessionLost(ClientWebSocket socket, string reason)
    {
        if (!ReferenceEquals(socket, _socket))
        {
            return;
        }

        SessionId = null;
        FailPending($"the WAMP session was lost ({reason})");
        if (_disposing.IsCancellationRequested || Interlocked.Exchange(ref _reconnecting, 1) == 1)
        {
            return;
        }

        WampLog.SessionLost(_logger, _settings.Url, reason, _settings.ReconnectInitialDelay.TotalSeconds);
        _ = Task.Run(ReconnectLoopAsync);
    }

    private async Task ReconnectLoopAsync()
    {
        var delay = _settings.ReconnectInitialDelay;
        var attempt = 0;
        try
        {
            while (!_disposing.IsCancellationRequested)
            {
                await Task.Delay(delay, _time, _disposing.Token);
                attempt++;
                try
                {
                    await ConnectAsync(_disposing.Token);
                    return;
                }
                catch (WampException ex)
                {
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.ReconnectMaxDelay.Ticks));
                    WampLog.ReconnectFailed(_logger, ex, attempt, _settings.Url, delay.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            // Disposed while waiting to reconnect.
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the delay and the connect.
        }
        finally
        {
            Interlocked.Exchange(ref _reconnecting, 0);
        }
    }

    private void FailPending(string reason)
    {
        foreach (var (requestId, completion) in _pending)
        {
            completion.TrySetException(new WampException($"WAMP request {requestId} failed: {reason}."));
        }
    }

    private async Task SendAsync(ClientWebSocket socket, JsonArray message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Reads one whole message; returns null when the peer closed the connection.</summary>
    private static async Task<JsonArray?> ReadMessageAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new WebSocketException($"A WAMP message exceeded {MaxMessageBytes} bytes.");
            }

            if (received.EndOfMessage)
            {
                break;
            }
        }

        return JsonNode.Parse(message.ToArray()) as JsonArray
            ?? throw new JsonException("A WAMP message is not a JSON array.");
    }

    private long NextRequestId() => Interlocked.Increment(ref _nextRequestId);

    private string Redact(string name)
    {
        foreach (var secret in _settings.RedactedValues.Where(v => !string.IsNullOrEmpty(v)))
        {
            name = name.Replace(secret, "***", StringComparison.Ordinal);
        }

        return name;
    }
}
