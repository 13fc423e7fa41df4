using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Api;

/// <summary>Limits of the owner API.</summary>
public sealed class OwnerApiOptions
{
    public const string SectionName = "OwnerApi";

    /// <summary>
    /// The most points one history response holds; a longer range returns a <c>nextPageToken</c> for the next page.
    /// Default 1,000, which covers 30 days of hourly points for a chart.
    /// </summary>
    [Range(10, 10_000, ErrorMessage = "OwnerApi:MaxPointsPerPage must be between 10 and 10000; the default is 1000.")]
    public int MaxPointsPerPage { get; set; } = 1000;

    /// <summary>The widest range one history or export request may ask for, in days. Default 800 (over two years of rollups).</summary>
    [Range(1, 3660, ErrorMessage = "OwnerApi:MaxRangeDays must be between 1 and 3660; the default is 800.")]
    public int MaxRangeDays { get; set; } = 800;

    /// <summary>
    /// A miner whose latest sample is older than this many seconds is shown as stale, not with its old numbers.
    /// Default 180 (six missed 30-second polls).
    /// </summary>
    [Range(30, 86_400, ErrorMessage = "OwnerApi:StaleAfterSeconds must be between 30 and 86400; the default is 180.")]
    public int StaleAfterSeconds { get; set; } = 180;

    /// <summary>The most rows one CSV export writes; a larger range must be split by <c>from</c> and <c>to</c>. Default 500,000.</summary>
    [Range(1, 5_000_000, ErrorMessage = "OwnerApi:MaxExportRows must be between 1 and 5000000; the default is 500000.")]
    public int MaxExportRows { get; set; } = 500_000;

    public TimeSpan StaleAfter => TimeSpan.FromSeconds(StaleAfterSeconds);
}
