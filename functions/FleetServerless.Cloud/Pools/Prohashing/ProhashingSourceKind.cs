namespace FleetServerless.Cloud.Pools.Prohashing;

/// <summary>Where the Prohashing provider reads from.</summary>
public enum ProhashingSourceKind
{
    /// <summary>The pool's WAMP API: profitability, workers and balances.</summary>
    Wamp,

    /// <summary>The pool's REST API: per-algorithm BTC estimates, workers and balances.</summary>
    Rest,

    /// <summary>An operator's HTTP proxy that re-serves the WAMP profitability: profitability only.</summary>
    Proxy,
}
