using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Profitability;

internal static partial class ProfitabilityLog
{
    [LoggerMessage(EventId = 6400, Level = LogLevel.Warning,
        Message = "Pool {Provider} is unreachable; keeping the last good data from {DataObservedAt} and raising pool-unreachable: {Reason}")]
    public static partial void PoolUnreachable(ILogger logger, string provider, DateTimeOffset? dataObservedAt, string reason);

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Pool {Provider} still unreachable after {Failures} syncs: {Reason}")]
    public static partial void PoolStillUnreachable(ILogger logger, string provider, int failures, string reason);

    [LoggerMessage(EventId = 6402, Level = LogLevel.Information, Message = "Pool {Provider} reachable again after {Failures} failed syncs")]
    public static partial void PoolRecovered(ILogger logger, string provider, int failures);

    [LoggerMessage(EventId = 6403, Level = LogLevel.Information, Message = "Profitability sync for slot {Slot} done: pool {Provider} {Outcome}, {Sites} sites")]
    public static partial void SyncDone(ILogger logger, DateTimeOffset slot, string provider, string outcome, int sites);

    [LoggerMessage(EventId = 6404, Level = LogLevel.Warning,
        Message = "Pool {Provider} reports no workers while the fleet hashes at {HashrateHps} H/s: check the API key and the worker names")]
    public static partial void NoWorkersWhileHashing(ILogger logger, string provider, double hashrateHps);

    [LoggerMessage(EventId = 6405, Level = LogLevel.Warning, Message = "Pool {Provider} returned data with problems: {Problems}")]
    public static partial void PoolProblems(ILogger logger, string provider, string problems);

    [LoggerMessage(EventId = 6406, Level = LogLevel.Information, Message = "Profitability sync for slot {Slot} already done; pool {Provider} not called again")]
    public static partial void SlotAlreadyDone(ILogger logger, DateTimeOffset slot, string provider);
}
