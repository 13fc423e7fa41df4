namespace FleetServerless.Demo;

/// <summary>What the demo starts: the size of the simulated fleet and the relay's cadence.</summary>
public sealed record DemoOptions
{
    /// <summary>Simulated Vnish miners. Default 12.</summary>
    public int MinerCount { get; init; } = 12;

    /// <summary>The relay's poll interval. Default 10 s, shorter than production's 30 s so the demo moves quickly.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The relay's per-miner timeout. Default 5 s.</summary>
    public TimeSpan MinerTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The site the simulated mine belongs to.</summary>
    public string SiteId { get; init; } = "demo-site";

    /// <summary>The function key of the DevHost; null generates one.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Prefix of the Table Storage tables, so several demos or tests can share one Azurite.</summary>
    public string TablePrefix { get; init; } = "demo";

    /// <summary>Whether the relay's worker starts polling on its cadence; off when a caller drives cycles itself.</summary>
    public bool StartRelayWorker { get; init; } = true;

    /// <summary>Whether the DevHost runs its timer functions (drain, rollups, profitability, watchdog).</summary>
    public bool TimersEnabled { get; init; } = true;

    /// <summary>
    /// The pool provider the cloud side reads: <c>none</c> (revenue from the network estimate only, the default,
    /// since it needs no pool account), <c>prohashing</c> or <c>viabtc</c>. All of them are simulated on loopback.
    /// </summary>
    public string PoolProvider { get; init; } = "none";

    /// <summary>The site's power price for the profit figures, USD per kWh. Default 0.08.</summary>
    public double PowerPriceUsdPerKwh { get; init; } = 0.08;

    /// <summary>The folder for the relay's outbox file; null makes a new temporary folder.</summary>
    public string? WorkFolder { get; init; }
}
