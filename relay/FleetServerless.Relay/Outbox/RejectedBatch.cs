namespace FleetServerless.Relay.Outbox;

/// <summary>A batch the cloud side rejected, kept aside with the server's status and message.</summary>
public sealed record RejectedBatch(long Sequence, string BatchId, int StatusCode, string Message, DateTimeOffset RejectedAt);
