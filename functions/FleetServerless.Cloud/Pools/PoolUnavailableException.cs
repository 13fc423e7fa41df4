namespace FleetServerless.Cloud.Pools;

/// <summary>
/// A pool or data source could not be read; the message names it, says why, and what to check.
/// <see cref="IsThrottled"/> is true when the source answered with a rate limit.
/// </summary>
public sealed class PoolUnavailableException : Exception
{
    public PoolUnavailableException(string message, Exception? innerException = null, bool isThrottled = false, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        IsThrottled = isThrottled;
        RetryAfter = retryAfter;
    }

    public bool IsThrottled { get; }

    /// <summary>How long the source asked to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
