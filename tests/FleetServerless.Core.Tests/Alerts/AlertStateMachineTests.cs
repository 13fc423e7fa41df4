using FleetServerless.Core.Alerts;

namespace FleetServerless.Core.Tests.Alerts;

public sealed class AlertStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly RuleThresholds Temp = new(
        true, 80, 75, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromHours(6));

    private static readonly RuleObservation Hot = new(ObservationLevel.Breach, 84);
    private static readonly RuleObservation Band = new(ObservationLevel.Between, 78);
    private static readonly RuleObservation Cool = new(ObservationLevel.Clear, 70);

    [Fact]
    public void BreachShorterThanSustain_DoesNotFire()
    {
        var state = Run(AlertState.Initial, (0, Hot), (60, Hot), (90, Band), (100, Hot), (200, Hot));

        Assert.Equal(AlertStatus.Pending, state.Status);
    }

    [Fact]
    public void BreachForSustain_Fires()
    {
        var state = AlertState.Initial;
        state = Step(state, Hot, 0).State;
        var step = Step(state, Hot, 120);

        Assert.Equal(AlertEventKind.Fired, step.Event);
        Assert.True(step.Notify);
        Assert.Equal(T0, step.State.ConditionSince);
    }

    [Fact]
    public void SinceFromData_FiresAtOnceWhenOldEnough()
    {
        var observation = Hot with { Since = T0 };

        var step = Step(AlertState.Initial, observation, 150);

        Assert.Equal(AlertEventKind.Fired, step.Event);
    }

    [Fact]
    public void ClearNeedsItsOwnSustain()
    {
        var firing = Run(AlertState.Initial, (0, Hot), (120, Hot));

        var early = Step(firing, Cool, 200);
        var late = Step(early.State, Cool, 200 + 300);

        Assert.Null(early.Event);
        Assert.Equal(AlertStatus.Clearing, early.State.Status);
        Assert.Equal(AlertEventKind.Resolved, late.Event);
    }

    [Fact]
    public void BandDuringClearing_RestartsTheClearSustain()
    {
        var state = Run(AlertState.Initial, (0, Hot), (120, Hot), (200, Cool), (300, Band), (400, Cool), (600, Cool));

        Assert.Equal(AlertStatus.Clearing, state.Status);
    }

    [Fact]
    public void SameObservationTime_IsIgnored()
    {
        var state = Run(AlertState.Initial, (0, Hot));

        var again = Step(state, Hot, 0);

        Assert.False(again.Applied);
        Assert.Same(state, again.State);
    }

    [Fact]
    public void FiringAlert_RepeatsOncePerInterval()
    {
        var state = Run(AlertState.Initial, (0, Hot), (120, Hot));
        var repeats = 0;
        for (var seconds = 150; seconds <= 120 + (6 * 3600 * 2) + 30; seconds += 30)
        {
            var step = Step(state, Hot, seconds);
            repeats += step.Event == AlertEventKind.Repeated ? 1 : 0;
            state = step.State;
        }

        Assert.Equal(2, repeats);
    }

    [Fact]
    public void FlappingAlert_IsHeldThenReportedStable()
    {
        var fast = Temp with { Sustain = TimeSpan.Zero, ClearSustain = TimeSpan.Zero };
        var state = AlertState.Initial;
        var kinds = new List<(AlertEventKind Kind, bool Notify)>();
        for (var i = 0; i < 12; i++)
        {
            var step = AlertStateMachine.Apply(state, i % 2 == 0 ? Hot : Cool, fast, FlappingPolicy.Default, T0.AddMinutes(i * 2));
            state = step.State;
            if (step.Event is { } kind)
            {
                kinds.Add((kind, step.Notify));
            }
        }

        var stable = AlertStateMachine.Apply(state, Cool, fast, FlappingPolicy.Default, T0.AddMinutes(22 + 61));

        Assert.Equal(5, kinds.Count(k => k.Notify));
        Assert.Equal((AlertEventKind.FlappingStarted, true), kinds[4]);
        Assert.DoesNotContain(kinds.Skip(5), k => k.Notify);
        Assert.Equal(AlertEventKind.FlappingEnded, stable.Event);
        Assert.False(stable.State.Flapping);
    }

    [Fact]
    public void SuppressedFire_IsDeliveredWhenSuppressionEnds()
    {
        var state = AlertState.Initial;
        state = AlertStateMachine.Apply(state, Hot, Temp, FlappingPolicy.Default, T0, AlertSuppression.Muted).State;
        var muted = AlertStateMachine.Apply(state, Hot, Temp, FlappingPolicy.Default, T0.AddMinutes(2), AlertSuppression.Muted);
        var after = AlertStateMachine.Apply(muted.State, Hot, Temp, FlappingPolicy.Default, T0.AddMinutes(3));

        Assert.Equal(AlertEventKind.Fired, muted.Event);
        Assert.False(muted.Notify);
        Assert.Equal(AlertEventKind.Fired, after.Event);
        Assert.True(after.Notify);
    }

    [Fact]
    public void ResolveOfUnnotifiedAlert_IsNotDelivered()
    {
        var state = AlertState.Initial;
        state = AlertStateMachine.Apply(state, Hot, Temp, FlappingPolicy.Default, T0, AlertSuppression.Inhibited).State;
        state = AlertStateMachine.Apply(state, Hot, Temp, FlappingPolicy.Default, T0.AddMinutes(2), AlertSuppression.Inhibited).State;
        state = AlertStateMachine.Apply(state, Cool, Temp, FlappingPolicy.Default, T0.AddMinutes(3), AlertSuppression.Inhibited).State;
        var resolved = AlertStateMachine.Apply(state, Cool, Temp, FlappingPolicy.Default, T0.AddMinutes(9), AlertSuppression.Inhibited);

        Assert.Equal(AlertEventKind.Resolved, resolved.Event);
        Assert.False(resolved.Notify);
    }

    [Theory]
    [InlineData(80, ThresholdDirection.Above, ObservationLevel.Breach)]
    [InlineData(77, ThresholdDirection.Above, ObservationLevel.Between)]
    [InlineData(75, ThresholdDirection.Above, ObservationLevel.Clear)]
    [InlineData(-0.01, ThresholdDirection.Below, ObservationLevel.Breach)]
    [InlineData(0, ThresholdDirection.Below, ObservationLevel.Clear)]
    public void Classify_PlacesValueAgainstBothThresholds(double value, ThresholdDirection direction, ObservationLevel expected)
    {
        var thresholds = direction == ThresholdDirection.Above ? Temp : Temp with { Threshold = 0, ClearThreshold = 0 };

        Assert.Equal(expected, thresholds.Classify(value, direction));
    }

    [Fact]
    public void ThresholdBelowClear_IsAProblem()
    {
        var problem = (Temp with { Threshold = 70 }).FindProblem(ThresholdDirection.Above);

        Assert.NotNull(problem);
        Assert.Contains("below ClearThreshold", problem, StringComparison.Ordinal);
    }

    private static AlertStep Step(AlertState state, RuleObservation observation, int seconds) =>
        AlertStateMachine.Apply(state, observation, Temp, FlappingPolicy.Default, T0.AddSeconds(seconds));

    private static AlertState Run(AlertState state, params (int Seconds, RuleObservation Observation)[] steps)
    {
        foreach (var (seconds, observation) in steps)
        {
            state = Step(state, observation, seconds).State;
        }

        return state;
    }
}
