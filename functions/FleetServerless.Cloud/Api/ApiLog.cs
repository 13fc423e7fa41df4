using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Api;

/// <summary>Log messages of the owner API that operators search for.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Error,
        Message = "Owner API {Route} failed: the table query did not complete.")]
    public static partial void StorageQueryFailed(ILogger logger, string route, Exception exception);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information,
        Message = "Export {Dataset} wrote {Rows} rows for {From:O} to {To:O}.")]
    public static partial void ExportWritten(ILogger logger, string dataset, long rows, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning,
        Message = "Miner {MinerId} at site {SiteId} (host {Host}) has a latest-state row whose sample JSON cannot be read.")]
    public static partial void UnreadableSample(ILogger logger, string minerId, string siteId, string host, Exception exception);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning,
        Message = "Fleet metrics refresh failed; the gauges keep the values of {UpdatedAt:O}.")]
    public static partial void FleetMetricsRefreshFailed(ILogger logger, DateTimeOffset? updatedAt, Exception exception);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Information,
        Message = "Fleet metrics are exported to Azure Monitor every {IntervalSeconds} s.")]
    public static partial void AzureMonitorExportEnabled(ILogger logger, double intervalSeconds);
}
