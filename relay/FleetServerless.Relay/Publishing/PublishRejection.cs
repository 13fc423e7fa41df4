namespace FleetServerless.Relay.Publishing;

/// <summary>A batch the cloud side rejected for good, with the status and message it returned.</summary>
public sealed record PublishRejection(long Sequence, string BatchId, int StatusCode, string Message);
