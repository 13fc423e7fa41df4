namespace FleetServerless.Relay.Polling;

/// <summary>
/// The fixed cadence of poll cycles: cycle <c>n</c> is due at <c>n × interval</c> after start. A cycle that
/// ends after one or more due times skips them, so cycles never stack up behind a slow one.
/// </summary>
public sealed class PollSchedule(TimeSpan interval)
{
    private long _cycle;

    public TimeSpan Interval { get; } = interval;

    /// <summary>The number of the cycle that runs now, from 0.</summary>
    public long CurrentCycle => _cycle;

    /// <summary>
    /// Advances past the cycle that just ended at <paramref name="elapsedSinceStart"/> and returns how long to wait
    /// for the next due time and how many due times were skipped because the cycle overran them.
    /// </summary>
    public (TimeSpan Wait, long Skipped) Advance(TimeSpan elapsedSinceStart)
    {
        var next = _cycle + 1;
        var firstNotPassed = (long)Math.Floor(elapsedSinceStart / Interval) + 1;
        var skipped = Math.Max(0, firstNotPassed - next);
        _cycle = next + skipped;
        var wait = (Interval * _cycle) - elapsedSinceStart;
        return (wait > TimeSpan.Zero ? wait : TimeSpan.Zero, skipped);
    }
}
