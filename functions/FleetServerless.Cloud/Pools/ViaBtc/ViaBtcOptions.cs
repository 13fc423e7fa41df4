using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Pools.ViaBtc;

/// <summary>
/// ViaBTC provider settings. The base address has no default so that nothing calls the real pool unless an
/// operator sets it (ViaBTC's own is <c>https://www.viabtc.net/res/openapi/v1/</c>).
/// </summary>
public sealed class ViaBtcOptions
{
    public const string SectionName = "Pools:ViaBtc";

    /// <summary>The API base address, ending in <c>/</c>. No default.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>A read-only API key, sent in <c>X-API-KEY</c>. No default; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The coin whose hashrate and workers are read. Default <c>LTC</c> (DOGE is merge-mined with it).</summary>
    [Required]
    public string Coin { get; set; } = "LTC";

    /// <summary>Workers per page of <c>hashrate/worker</c>. Default 50.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 50;

    /// <summary>Pages read at most, a guard against a pool that always says there is a next page. Default 100.</summary>
    [Range(1, 10_000)]
    public int MaxPages { get; set; } = 100;

    /// <summary>Time one HTTP request may take, in seconds. Default 30.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;
}
