namespace FleetServerless.Cloud.Pools.Wamp;

/// <summary>How a <see cref="WampClient"/> connects; built by the provider that owns the session.</summary>
public sealed record WampClientSettings
{
    /// <summary>The router's WebSocket address (<c>ws://</c> or <c>wss://</c>). No default.</summary>
    public required Uri Url { get; init; }

    /// <summary>The realm to join. No default.</summary>
    public required string Realm { get; init; }

    /// <summary>The WAMP-CRA authentication id. No default.</summary>
    public required string AuthId { get; init; }

    /// <summary>The WAMP-CRA secret. Never logged.</summary>
    public required string Secret { get; init; }

    /// <summary>Time a CALL or SUBSCRIBE may take before it fails. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time the WebSocket connect and the authentication may take. Default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First delay before reconnecting after the session drops; it doubles up to <see cref="ReconnectMaxDelay"/>. Default 1 s.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest delay between reconnect attempts. Default 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Accept any TLS certificate. Default false; when true, the client logs a warning on every connect.</summary>
    public bool AcceptAnyServerCertificate { get; init; }

    /// <summary>Values replaced by <c>***</c> wherever a topic or procedure name is logged, such as an API key in a topic.</summary>
    public IReadOnlyList<string> RedactedValues { get; init; } = [];

    /// <summary>The User-Agent header sent with the WebSocket upgrade.</summary>
    public string UserAgent { get; init; } = "FleetServerless/0.1";
}
