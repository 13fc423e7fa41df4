using System.ComponentModel.DataAnnotations;

namespace FleetServerless.Cloud.Telemetry;

/// <summary>Settings of the fleet metrics sent to Azure Monitor.</summary>
public sealed class FleetTelemetryOptions
{
    public const string SectionName = "FleetTelemetry";

    /// <summary>
    /// The setting that holds the Application Insights connection string; the Function App gets it from the
    /// deployment. Without it the gauges still exist in-process but nothing is exported.
    /// </summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>How often the gauges' values are recomputed from the latest-state table, in seconds. Default 60.</summary>
    [Range(10, 3600, ErrorMessage = "FleetTelemetry:RefreshIntervalSeconds must be between 10 and 3600; the default is 60.")]
    public int RefreshIntervalSeconds { get; set; } = 60;

    /// <summary>Whether the gauges are refreshed at all. Default true; tests turn it off and refresh by hand.</summary>
    public bool RefreshEnabled { get; set; } = true;
}
