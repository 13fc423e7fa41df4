using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Miners;

/// <summary>The miner clients' log messages. None of them carries a password, token or API key.</summary>
internal static partial class MinerLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Miner {MinerName} at {Host}: web API unlock failed, wrong password (HTTP 403). Fix the miner's Password setting; the relay tries again in {RetryMinutes} minutes or when the setting changes.")]
    public static partial void WrongPassword(ILogger logger, string minerName, string host, double retryMinutes);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Miner {MinerName} at {Host}: web API unlock locked out (HTTP 429); the relay waits {UnlockTimeoutSeconds} s before unlocking again.")]
    public static partial void LockedOut(ILogger logger, string minerName, string host, double unlockTimeoutSeconds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug,
        Message = "Miner {MinerName} at {Host}: web API token rejected (HTTP 401); unlocking again.")]
    public static partial void TokenRejected(ILogger logger, string minerName, string host);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "Miner {MinerName} at {Host}: web API unlock failed with HTTP {StatusCode}.")]
    public static partial void UnlockFailed(ILogger logger, string minerName, string host, int statusCode);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information,
        Message = "Miner {MinerName} at {Host}: web API unlocked again after an earlier failure.")]
    public static partial void UnlockRecovered(ILogger logger, string minerName, string host);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information,
        Message = "Miner {MinerName} at {Host}: detected the {Api} API.")]
    public static partial void ApiDetected(ILogger logger, string minerName, string host, string api);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information,
        Message = "Miner {MinerName} at {Host}: {Failures} reads in a row failed with the {Api} API; detecting the API again.")]
    public static partial void Redetecting(ILogger logger, string minerName, string host, int failures, string api);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Debug,
        Message = "Miner {MinerName} at {Host}: read failed: {Error}")]
    public static partial void ReadFailed(ILogger logger, string minerName, string host, string error);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Information,
        Message = "Miner {MinerName} at {Host}: the TCP API rejects combined commands; sending one command per connection.")]
    public static partial void CombinedCommandsRejected(ILogger logger, string minerName, string host);
}
