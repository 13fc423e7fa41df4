using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Profitability.Network;

internal static partial class NetworkLog
{
    [LoggerMessage(EventId = 6300, Level = LogLevel.Warning, Message = "Network source {Source} is throttling; backing off for {BackoffSeconds} s")]
    public static partial void Throttled(ILogger logger, string source, double backoffSeconds);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "Network source {Source} failed: {Reason}")]
    public static partial void SourceFailed(ILogger logger, string source, string reason);
}
