using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Pools.Wamp;

/// <summary>The WAMP client's log messages; topic and procedure names arrive already redacted.</summary>
internal static partial class WampLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "WAMP session {SessionId} opened to {Url} in realm {Realm}")]
    public static partial void SessionOpened(ILogger logger, long sessionId, Uri url, string realm);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "WAMP session to {Url} lost: {Reason}; reconnecting in {DelaySeconds} s")]
    public static partial void SessionLost(ILogger logger, Uri url, string reason, double delaySeconds);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "WAMP reconnect {Attempt} to {Url} failed; retrying in {DelaySeconds} s")]
    public static partial void ReconnectFailed(ILogger logger, Exception exception, int attempt, Uri url, double delaySeconds);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "WAMP {Request} timed out after {TimeoutSeconds} s")]
    public static partial void RequestTimedOut(ILogger logger, string request, double timeoutSeconds);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning,
        Message = "TLS certificate validation is off for {Url} (AcceptAnyServerCertificate is true): the connection can be intercepted")]
    public static partial void CertificateValidationOff(ILogger logger, Uri url);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "WAMP message from {Url} could not be read and was ignored")]
    public static partial void MessageInvalid(ILogger logger, Exception exception, Uri url);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Error, Message = "Handler for WAMP topic {Topic} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "WAMP subscribed to {Topic} as {SubscriptionId}")]
    public static partial void Subscribed(ILogger logger, string topic, long subscriptionId);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Information, Message = "WAMP router at {Url} sent GOODBYE: {Reason}")]
    public static partial void GoodbyeReceived(ILogger logger, Uri url, string reason);
}
