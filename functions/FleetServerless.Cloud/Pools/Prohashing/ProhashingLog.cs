using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Pools.Prohashing;

internal static partial class ProhashingLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Warning, Message = "Prohashing {Call} failed; using the last merged data: {Reason}")]
    public static partial void CallFailed(ILogger logger, string call, string reason);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning,
        Message = "Prohashing returned no workers although the fleet is hashing: check Pools:Prohashing:ApiKey (a bad key gives an empty list, not an error)")]
    public static partial void NoWorkers(ILogger logger);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Prohashing event on {Topic} could not be read: {Payload}")]
    public static partial void EventInvalid(ILogger logger, string topic, string payload);
}
