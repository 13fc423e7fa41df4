namespace FleetServerless.Core.Profitability;

/// <summary>The units that revenue figures are quoted in, in one place so that each conversion is written once.</summary>
public static class ProfitabilityUnits
{
    /// <summary>
    /// Hashrate that one pool profitability value is quoted for: 1 MH/s. Prohashing's <c>usd</c> and <c>btc</c>
    /// values are gross revenue per MH/s per day for every algorithm; no client states the unit, but only this
    /// reading gives plausible revenues and the same USD/BTC ratio for all algorithms.
    /// </summary>
    public const double PoolRateHashrateHps = 1e6;

    public const double SecondsPerDay = 86_400;

    public const double HoursPerDay = 24;

    public const double WattsPerKilowatt = 1_000;

    /// <summary>
    /// Expected hashes per share of difficulty 1, 2^32. The exact value is 2^48 / 65535 (the difficulty-1
    /// target); the two differ by 0.0015 %, far below price noise.
    /// </summary>
    public const double HashesPerDifficultyOne = 4_294_967_296.0;

    /// <summary>Scrypt stratum share difficulty is scaled by 2^16: one share at difficulty d is d * 2^16 hashes.</summary>
    public const double ScryptShareDifficultyScale = 65_536;
}
