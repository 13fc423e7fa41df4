using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Rollups;

/// <summary>Settings of the rollup builder.</summary>
public sealed class RollupOptions
{
    public const string SectionName = "Rollups";

    /// <summary>Sample partitions read at the same time while rebuilding an hour. Default 8.</summary>
    [Range(1, 64, ErrorMessage = "Rollups:MaxParallelReads must be between 1 and 64.")]
    public int MaxParallelReads { get; set; } = 8;

    /// <summary>Pending hours rebuilt in one run; the rest wait for the next run. Default 200.</summary>
    [Range(1, 10_000, ErrorMessage = "Rollups:MaxHoursPerRun must be between 1 and 10000.")]
    public int MaxHoursPerRun { get; set; } = 200;
}
