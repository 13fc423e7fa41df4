using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Hosting;

/// <summary>The wait before the outbox is tried again after failed publish passes: doubling, with jitter.</summary>
public static class RetryBackoff
{
    /// <summary>
    /// Returns <c>RetryDelay × 2^(failures-1)</c>, capped at <c>MaxRetryDelay</c>, then varied by up to ±20 % so
    /// relays that lost the same link do not retry in step.
    /// </summary>
    public static TimeSpan Delay(PublisherOptions options, int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 30);
        var raw = options.RetryDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, options.MaxRetryDelay.TotalMilliseconds);
        var jitter = 1 + ((Random.Shared.NextDouble() * 0.4) - 0.2);
        return TimeSpan.FromMilliseconds(Math.Max(1, capped * jitter));
    }
}
