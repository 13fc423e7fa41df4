namespace FleetServerless.Simulator.Pools;

/// <summary>What the simulated pools and data sources serve. Every default is a plausible figure, not a live one.</summary>
public sealed record PoolSimulatorSettings
{
    /// <summary>Port on 127.0.0.1 to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Prohashing account API key the WAMP procedures, topics and REST accept. Default <c>sim-prohashing-key</c>.</summary>
    public string ProhashingApiKey { get; init; } = "sim-prohashing-key";

    /// <summary>WAMP-CRA auth id and secret; Prohashing uses the public pair <c>web</c>/<c>web</c>.</summary>
    public string WampAuthId { get; init; } = "web";

    public string WampSecret { get; init; } = "web";

    /// <summary>The realm the router serves. Default <c>mining</c>.</summary>
    public string WampRealm { get; init; } = "mining";

    /// <summary>When set, the CHALLENGE carries this salt and the key is derived with PBKDF2. Default null (unsalted).</summary>
    public string? WampSalt { get; init; }

    /// <summary>Bearer token the HTTP proxy imitation requires; null (the default) requires none.</summary>
    public string? ProxyBearerToken { get; init; }

    /// <summary>The ViaBTC read-only key expected in <c>X-API-KEY</c>. Default <c>sim-viabtc-key</c>.</summary>
    public string ViaBtcApiKey { get; init; } = "sim-viabtc-key";

    /// <summary>The ViaBTC account name, the prefix of <c>account.worker</c>. Default <c>acme</c>.</summary>
    public string Account { get; init; } = "acme";

    /// <summary>The workers every pool reports: by default 12 at 9.5 GH/s, named <c>rig01</c> to <c>rig12</c>.</summary>
    public IReadOnlyList<SimulatedWorker> Workers { get; init; } =
        Enumerable.Range(1, 12).Select(i => new SimulatedWorker($"rig{i:00}", 9.5e9)).ToList();

    /// <summary>Prohashing scrypt gross revenue, USD per MH/s per day. Default 0.0025041009705167.</summary>
    public double ScryptUsdPerMhsDay { get; init; } = 0.0025041009705167;

    /// <summary>Prohashing scrypt gross revenue, BTC per MH/s per day. Default 6.8628068694276e-7.</summary>
    public double ScryptBtcPerMhsDay { get; init; } = 6.8628068694276e-7;

    public double LtcDifficulty { get; init; } = 83_619_823.7186;

    public double LtcBlockRewardCoins { get; init; } = 6.25;

    public double LtcPriceUsd { get; init; } = 85;

    public double DogeDifficulty { get; init; } = 20_000_000;

    public double DogePriceUsd { get; init; } = 0.2;

    /// <summary>
    /// Returns settings whose workers match a simulated fleet: <paramref name="count"/> workers named
    /// <paramref name="namePrefix"/> plus a two-digit (or wider) number, under <paramref name="account"/>,
    /// as the miner simulator names its stratum users (<c>acct.sim-01</c>).
    /// </summary>
    public static PoolSimulatorSettings ForFleet(int count, string namePrefix = "sim-", string account = "acct", double hashrateHps = 9.5e9)
    {
        var digits = Math.Max(2, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        return new PoolSimulatorSettings
        {
            Account = account,
            Workers = Enumerable.Range(1, count)
                .Select(i => new SimulatedWorker(namePrefix + i.ToString("D" + digits, System.Globalization.CultureInfo.InvariantCulture), hashrateHps))
                .ToList(),
        };
    }

    /// <summary>Seconds a throttled source sends in Retry-After. Default 60.</summary>
    public int ThrottleRetryAfterSeconds { get; init; } = 60;

    /// <summary>ViaBTC returns every n-th worker name without the account prefix; 0 never. Default 3.</summary>
    public int ViaBtcSuffixOnlyEvery { get; init; } = 3;
}
