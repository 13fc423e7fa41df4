namespace FleetServerless.Relay.Miners;

/// <summary>The names of the <see cref="IHttpClientFactory"/> clients the miner readers use.</summary>
public static class MinerHttpClients
{
    /// <summary>
    /// Reads of the Vnish web API (GET only). The relay host may attach a resilience pipeline (retry, circuit breaker
    /// per miner) to this client. The client has no timeout of its own: the caller's cancellation token is the timeout.
    /// </summary>
    public const string VnishWeb = "FleetServerless.Relay.VnishWeb";

    /// <summary>
    /// <c>POST /api/v1/unlock</c> only. Kept apart so that no retry policy ever repeats an unlock: repeated wrong
    /// passwords lock the miner's web API out.
    /// </summary>
    public const string VnishUnlock = "FleetServerless.Relay.VnishUnlock";
}
