using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>
/// Prohashing provider settings. No address has a default, so that nothing calls the real pool unless an
/// operator configures it (the pool's own addresses are <c>wss://live.prohashing.com:443/ws</c> and
/// <c>https://prohashing.com/api/v1/</c>).
/// </summary>
public sealed class ProhashingOptions
{
    public const string SectionName = "Pools:Prohashing";

    /// <summary>Which API to read: <c>Wamp</c> (default), <c>Rest</c> or <c>Proxy</c>.</summary>
    public ProhashingSourceKind Source { get; set; } = ProhashingSourceKind.Wamp;

    /// <summary>The account API key: a WAMP call argument, part of WAMP topic names, and the REST <c>apiKey</c>. No default; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The WAMP router address, required for the <c>Wamp</c> source. No default.</summary>
    public Uri? WampUrl { get; set; }

    /// <summary>The WAMP realm. Default <c>mining</c>.</summary>
    [Required]
    public string WampRealm { get; set; } = "mining";

    /// <summary>The WAMP-CRA auth id; Prohashing uses the public id <c>web</c> (default), not the API key.</summary>
    [Required]
    public string WampAuthId { get; set; } = "web";

    /// <summary>
    /// The WAMP-CRA secret; Prohashing uses the public secret <c>web</c>, which is also what an empty value means.
    /// Default <c>web</c>.
    /// </summary>
    public string? WampSecret { get; set; } = PublicWampSecret;

    /// <summary>The secret every Prohashing client uses: the pool's WAMP credentials are public.</summary>
    public const string PublicWampSecret = "web";

    /// <summary>The REST API base address, required for the <c>Rest</c> source. No default.</summary>
    public Uri? RestBaseUrl { get; set; }

    /// <summary>The HTTP proxy base address, required for the <c>Proxy</c> source. No default.</summary>
    public Uri? ProxyBaseUrl { get; set; }

    /// <summary>Bearer token the proxy requires; null (default) sends none. Never logged.</summary>
    public string? ProxyBearerToken { get; set; }

    /// <summary>Time one WAMP call or HTTP request may take, in seconds. Default 30.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>First WAMP reconnect delay in seconds, doubled per failed attempt. Default 1.</summary>
    [Range(0.01, 3600)]
    public double ReconnectInitialDelaySeconds { get; set; } = 1;

    /// <summary>Largest WAMP reconnect delay in seconds. Default 60.</summary>
    [Range(0.01, 3600)]
    public double ReconnectMaxDelaySeconds { get; set; } = 60;

    /// <summary>
    /// Accept any TLS certificate from the WAMP router. Default false. Public clients of the pool turned checks
    /// off. Leave this off unless the certificate is known to be broken, and expect a warning in the log when it is on.
    /// </summary>
    public bool AcceptAnyServerCertificate { get; set; }
}
