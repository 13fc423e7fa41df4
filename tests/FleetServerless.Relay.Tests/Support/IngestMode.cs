namespace FleetServerless.Relay.Tests.Support;

/// <summary>How <see cref="TestIngestServer"/> handles the next requests.</summary>
public enum IngestMode
{
    /// <summary>Store the batch (unless its id is already stored) and return 200.</summary>
    Accept,

    /// <summary>Return 503 without storing anything.</summary>
    Fail,

    /// <summary>Return 400 with a problem-details body without storing anything.</summary>
    Reject,

    /// <summary>Drop the connection without a response.</summary>
    Abort,
}
