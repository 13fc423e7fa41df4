using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>
/// Sources and constants of the network estimate. A source without a base address is off, and none has a
/// default address, so that nothing calls a public service unless an operator sets it. The public addresses
/// are <c>https://api.blockchair.com/</c>, <c>https://api.coingecko.com/api/v3/</c> and <c>https://whattomine.com/</c>.
/// </summary>
public sealed class NetworkEstimateOptions
{
    public const string SectionName = "Profitability:Network";

    /// <summary>Blockchair base address (chain stats: difficulty and price). Default null: off.</summary>
    public Uri? BlockchairBaseUrl { get; set; }

    /// <summary>CoinGecko API base address, ending in <c>api/v3/</c> (prices). Default null: off.</summary>
    public Uri? CoinGeckoBaseUrl { get; set; }

    /// <summary>Optional CoinGecko demo key, sent as <c>x-cg-demo-api-key</c>. Default null; never logged.</summary>
    public string? CoinGeckoDemoApiKey { get; set; }

    /// <summary>WhatToMine base address (Litecoin difficulty and block reward, a cross-check). Default null: off.</summary>
    public Uri? WhatToMineBaseUrl { get; set; }

    /// <summary>The order in which sources are asked for each figure. Default blockchair, coingecko, whattomine.</summary>
    public List<string> SourceOrder { get; set; } = ["blockchair", "coingecko", "whattomine"];

    /// <summary>Seconds a source's response is reused before it is asked again. Default 600.</summary>
    [Range(1, 86_400)]
    public int CacheSeconds { get; set; } = 600;

    /// <summary>Seconds after which a cached figure is too old to use, even when every source fails. Default 7200.</summary>
    [Range(60, 604_800)]
    public int MaxAgeSeconds { get; set; } = 7_200;

    /// <summary>Seconds to leave a throttled source alone when it sends no Retry-After. Default 300.</summary>
    [Range(1, 86_400)]
    public int ThrottleBackoffSeconds { get; set; } = 300;

    /// <summary>Time one HTTP request may take, in seconds. Default 20.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 20;

    /// <summary>Litecoin block reward in LTC when no source gives one: subsidy 6.25 since the 2023 halving. Default 6.25.</summary>
    [Range(0.000001, 1_000)]
    public double LtcBlockRewardCoins { get; set; } = 6.25;

    /// <summary>Dogecoin block reward in DOGE; no source here gives one. Default 10000.</summary>
    [Range(0.000001, 10_000_000)]
    public double DogeBlockRewardCoins { get; set; } = 10_000;

    /// <summary>Add merge-mined Dogecoin to the estimate. Default true: most Litecoin pools pay it.</summary>
    public bool IncludeDoge { get; set; } = true;

    /// <summary>Percent by which two sources' Litecoin difficulty may differ before a warning is shown. Default 10.</summary>
    [Range(0, 100)]
    public double CrossCheckTolerancePercent { get; set; } = 10;
}
