using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Logging;

/// <summary>The relay's log messages that operators search for, with stable event ids.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(1000, LogLevel.Information,
        "Relay {RelayId} of site {SiteId} starting: version {Version}, {MinerCount} miners, every {PollInterval}, publisher {PublisherKind}, outbox {OutboxPath}")]
    public static partial void Starting(
        ILogger logger, string relayId, string siteId, string version, int minerCount, TimeSpan pollInterval,
        string publisherKind, string outboxPath);

    [LoggerMessage(1001, LogLevel.Information, "Relay {RelayId} of site {SiteId} stopping after the current cycle")]
    public static partial void Stopping(ILogger logger, string relayId, string siteId);

    [LoggerMessage(1002, LogLevel.Information, "Relay {RelayId} of site {SiteId} stopped; {OutboxDepth} batches wait in the outbox")]
    public static partial void Stopped(ILogger logger, string relayId, string siteId, long outboxDepth);

    [LoggerMessage(1100, LogLevel.Information,
        "Poll cycle {Sequence} of site {SiteId}: {Answered} of {Total} miners responded in {ElapsedMs:F0} ms")]
    public static partial void CycleCompleted(ILogger logger, long sequence, string siteId, int answered, int total, double elapsedMs);

    [LoggerMessage(1101, LogLevel.Warning,
        "Poll cycle of site {SiteId} took {ElapsedMs:F0} ms, longer than the poll interval {PollInterval}; skipping {SkippedCycles} cycle(s) instead of stacking them")]
    public static partial void CycleOverrun(ILogger logger, string siteId, double elapsedMs, TimeSpan pollInterval, long skippedCycles);

    [LoggerMessage(1102, LogLevel.Error, "Poll cycle of site {SiteId} failed; the next cycle runs on schedule")]
    public static partial void CycleFailed(ILogger logger, Exception exception, string siteId);

    [LoggerMessage(1110, LogLevel.Warning, "Miner {MinerName} at {Host} of site {SiteId} stopped responding: {Error}")]
    public static partial void MinerStoppedAnswering(ILogger logger, string minerName, string host, string siteId, string? error);

    [LoggerMessage(1111, LogLevel.Information, "Miner {MinerName} at {Host} of site {SiteId} responds again")]
    public static partial void MinerAnsweringAgain(ILogger logger, string minerName, string host, string siteId);

    [LoggerMessage(1112, LogLevel.Debug, "Miner {MinerName} at {Host} of site {SiteId} did not respond: {Error}")]
    public static partial void MinerNotAnswering(ILogger logger, string minerName, string host, string siteId, string? error);

    [LoggerMessage(1113, LogLevel.Warning,
        "Poll cycle {Sequence} of site {SiteId}: {Failed} of {Total} miners did not respond, among them {FirstMiners}")]
    public static partial void MinersNotAnswering(ILogger logger, long sequence, string siteId, int failed, int total, string firstMiners);

    [LoggerMessage(1200, LogLevel.Warning,
        "Outbox over its bound of {MaxSizeBytes} bytes: removed {SamplesThinned} samples from the {BatchesThinned} oldest batches, now {SizeBytes} bytes")]
    public static partial void OutboxThinned(ILogger logger, long samplesThinned, int batchesThinned, long maxSizeBytes, long sizeBytes);

    [LoggerMessage(1201, LogLevel.Warning,
        "Outbox contains {SizeBytes} bytes, more than its bound of {MaxSizeBytes}, with nothing left to thin but the newest batch {Sequence}; raise Relay:Outbox:MaxSizeBytes")]
    public static partial void OutboxOverBound(ILogger logger, long sizeBytes, long maxSizeBytes, long sequence);

    [LoggerMessage(1300, LogLevel.Debug, "Published batches {FirstSequence} to {LastSequence} ({Count}) with {PublisherKind}")]
    public static partial void Published(ILogger logger, long firstSequence, long lastSequence, int count, string publisherKind);

    [LoggerMessage(1301, LogLevel.Warning,
        "Publishing batch {Sequence} with {PublisherKind} failed ({Failures} failures in a row); {OutboxDepth} batches wait, next try in {RetryDelay}: {Error}")]
    public static partial void PublishFailed(
        ILogger logger, long sequence, string publisherKind, int failures, long outboxDepth, TimeSpan retryDelay, string error);

    [LoggerMessage(1302, LogLevel.Error,
        "Batch {Sequence} ({BatchId}) was rejected with status {StatusCode} and moved aside ({RejectedTotal} rejected since start): {ServerMessage}")]
    public static partial void BatchRejected(
        ILogger logger, long sequence, string batchId, int statusCode, long rejectedTotal, string serverMessage);

    [LoggerMessage(1303, LogLevel.Information, "Publishing recovered after {Failures} failures; {OutboxDepth} batches wait")]
    public static partial void PublishRecovered(ILogger logger, int failures, long outboxDepth);

    [LoggerMessage(1304, LogLevel.Information,
        "Batch {Sequence} ({BatchId}) is larger than one event batch allows, so it is sent in {Parts} parts")]
    public static partial void BatchSplit(ILogger logger, long sequence, string batchId, int parts);

    [LoggerMessage(1305, LogLevel.Warning, "HTTPS send to the ingest at {IngestHost} failed with {Outcome}; retry {Attempt} in {RetryDelay}")]
    public static partial void HttpsRetry(ILogger logger, string ingestHost, string outcome, int attempt, TimeSpan retryDelay);
}
