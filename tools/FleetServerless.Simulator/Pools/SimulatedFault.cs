namespace FleetServerless.Simulator.Pools;

/// <summary>Misbehaviour a simulated pool or data source shows on command, each one seen from a real service.</summary>
public enum SimulatedFault
{
    None,

    /// <summary>Rate limit: 429 with Retry-After (Blockchair: 430, CoinGecko and others: 429).</summary>
    Throttle,

    /// <summary>HTTP 503 with a short text body.</summary>
    ServerError,

    /// <summary>HTTP 200 with an HTML page instead of JSON.</summary>
    Html,

    /// <summary>Numbers sent as JSON strings.</summary>
    NumbersAsStrings,

    /// <summary>Numbers sent as JSON null.</summary>
    NullNumbers,

    /// <summary>The scrypt algorithm left out of profitability data.</summary>
    MissingAlgorithm,

    /// <summary>Prices of zero (Prohashing's <c>actual_last24h</c> 0, a zero <c>usd</c>).</summary>
    ZeroPrice,

    /// <summary>Prohashing REST <c>mbtc_mh_factor</c> of 0.</summary>
    ZeroFactor,

    /// <summary>An invalid API key: JSON with code 400 on Prohashing REST, 12001 on ViaBTC.</summary>
    InvalidKey,

    /// <summary>ViaBTC code 12004: the caller's IP is not on the account's allow-list.</summary>
    IpNotAllowed,

    /// <summary>The request is accepted and gets no response (HTTP) or the CALL never gets a RESULT (WAMP).</summary>
    Stall,

    /// <summary>Empty data: <c>{}</c> profitability on the proxy, an empty worker list elsewhere.</summary>
    Empty,
}
