using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Rollups;

/// <summary>How long history is kept.</summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string SectionName = "Retention";

    /// <summary>Days of raw samples kept, counted in whole UTC days before today. Default 30.</summary>
    [Range(1, 3650, ErrorMessage = "Retention:RawSamplesDays must be between 1 and 3650 days.")]
    public int RawSamplesDays { get; set; } = 30;

    /// <summary>Days of rollups kept (5-minute fleet, hourly and daily per miner). Default 730 (two years).</summary>
    [Range(1, 36500, ErrorMessage = "Retention:RollupDays must be between 1 and 36500 days.")]
    public int RollupDays { get; set; } = 730;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RollupDays < RawSamplesDays)
        {
            yield return new ValidationResult(
                $"Retention:RollupDays ({RollupDays}) is shorter than Retention:RawSamplesDays ({RawSamplesDays}); " +
                "rollups must outlive the raw samples they summarize.",
                [nameof(RollupDays)]);
        }
    }
}
