namespace FleetServerless.Cloud.Pools.Wamp;

/// <summary>
/// A WAMP request failed: the router returned ERROR or ABORT, the session was lost, or the call timed out.
/// <see cref="ErrorUri"/> is the router's error URI when it sent one.
/// </summary>
public sealed class WampException : Exception
{
    public WampException(string message, string? errorUri = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorUri = errorUri;
    }

    public string? ErrorUri { get; }
}
