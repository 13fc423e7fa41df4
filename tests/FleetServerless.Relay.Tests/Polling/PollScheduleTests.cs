using FleetServerless.Relay.Polling;

namespace FleetServerless.Relay.Tests.Polling;

public sealed class PollScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public void Advance_ShortCycle_WaitsForNextDueTime()
    {
        var schedule = new PollSchedule(Interval);

        var (wait, skipped) = schedule.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(TimeSpan.FromSeconds(26), wait);
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void Advance_KeepsCadenceNotIntervalAfterEnd()
    {
        var schedule = new PollSchedule(Interval);
        schedule.Advance(TimeSpan.FromSeconds(4));

        // The second cycle starts at 30 s and ends at 41 s: the third is due at 60 s.
        var (wait, _) = schedule.Advance(TimeSpan.FromSeconds(41));

        Assert.Equal(TimeSpan.FromSeconds(19), wait);
        Assert.Equal(2, schedule.CurrentCycle);
    }

    [Fact]
    public void Advance_Overrun_SkipsPassedDueTimes()
    {
        var schedule = new PollSchedule(Interval);

        // The first cycle runs until 75 s: the due times at 30 s and 60 s have passed.
        var (wait, skipped) = schedule.Advance(TimeSpan.FromSeconds(75));

        Assert.Equal(2, skipped);
        Assert.Equal(TimeSpan.FromSeconds(15), wait);
        Assert.Equal(3, schedule.CurrentCycle);
    }

    [Fact]
    public void Advance_EndingExactlyOnDueTime_SkipsIt()
    {
        var schedule = new PollSchedule(Interval);

        var (wait, skipped) = schedule.Advance(Interval);

        Assert.Equal(1, skipped);
        Assert.Equal(Interval, wait);
    }
}
