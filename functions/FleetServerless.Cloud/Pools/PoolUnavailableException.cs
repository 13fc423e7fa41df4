namespace FleetServerless.Cloud.Pools;

/// <summary>
/// A pool or data source could not be read; the message names it, the cause and what to check.
/// <see cref="IsThrottled"/> is true when the source returned a rate-limit status.
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

    /// <summary>The wait the source sent in Retry-After; null when it sent none.</summary>
    public TimeSpan? RetryAfter { get; }
}
