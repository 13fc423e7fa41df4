using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Pools;

/// <summary>Which pool the profitability sync reads, and how pool workers map to miners.</summary>
public sealed class PoolsOptions
{
    public const string SectionName = "Pools";

    /// <summary>The pool provider: <c>none</c> (default), <c>prohashing</c> or <c>viabtc</c>. Revenue then comes from the network estimate only.</summary>
    [Required]
    [RegularExpression("^(none|prohashing|viabtc)$", ErrorMessage = "Pools:Provider must be none, prohashing or viabtc.")]
    public string Provider { get; set; } = "none";

    /// <summary>Minutes after which pool data counts as stale. Default 15 (three missed 5-minute syncs).</summary>
    [Range(1, 1440)]
    public int StaleAfterMinutes { get; set; } = 15;

    /// <summary>Minutes of miner samples averaged for the pool-side comparison; at least 60. Default 60.</summary>
    [Range(60, 1440)]
    public int ComparisonWindowMinutes { get; set; } = 60;

    /// <summary>Seconds one pool fetch may take in the sync, all calls included. Default 120.</summary>
    [Range(5, 600)]
    public int FetchTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Worker name (as the pool reports it, with or without the account) to miner id. Overrides the name taken
    /// from a miner's stratum user; needed on Prohashing, whose worker name is in the stratum password.
    /// Default empty.
    /// </summary>
    public Dictionary<string, string> WorkerOverrides { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
