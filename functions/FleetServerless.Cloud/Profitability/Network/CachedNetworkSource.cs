using FleetServerless.Cloud.Pools;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>
/// A network source with a cache and a throttle back-off: a response younger than the cache time is reused,
/// and after a rate-limit response the source is not called again until its Retry-After (or the configured
/// back-off) has passed. Safe for concurrent callers.
/// </summary>
public sealed class CachedNetworkSource(INetworkDataSource inner, NetworkEstimateOptions options, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private NetworkObservation? _last;
    private DateTimeOffset? _backoffUntil;
    private string? _lastError;

    public string Name => inner.Name;

    /// <summary>The time before which the source is not called because it throttled; null when not backing off.</summary>
    public DateTimeOffset? BackoffUntil => _backoffUntil;

    /// <summary>Returns the cached response while it is fresh, else calls the source; never throws for a source failure.</summary>
    public async Task<SourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_last is not null && now - _last.ObservedAt < TimeSpan.FromSeconds(options.CacheSeconds))
            {
                return new SourceReading(Name, _last, _lastError);
            }

            if (_backoffUntil is { } until && now < until)
            {
                return new SourceReading(Name, _last, $"{Name} is throttling requests; next attempt after {until:O}. ({_lastError})");
            }

            try
            {
                _last = await inner.FetchAsync(cancellationToken);
                _backoffUntil = null;
                _lastError = null;
            }
            catch (PoolUnavailableException ex)
            {
                _lastError = ex.Message;
                if (ex.IsThrottled)
                {
                    var backoff = ex.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero
                        ? retryAfter
                        : TimeSpan.FromSeconds(options.ThrottleBackoffSeconds);
                    _backoffUntil = now + backoff;
                    NetworkLog.Throttled(logger, Name, backoff.TotalSeconds);
                }
                else
                {
                    NetworkLog.SourceFailed(logger, Name, ex.Message);
                }
            }

            return new SourceReading(Name, _last, _lastError);
        }
        finally
        {
            _lock.Release();
        }
    }
}
