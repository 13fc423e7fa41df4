namespace FleetServerless.Core.Alerts;

/// <summary>
/// The life of one rule for one subject: pending for its sustain time, firing, clearing past the clear
/// threshold for the clear sustain time, resolved. Pure: every time comes in as an argument.
/// </summary>
/// <remarks>
/// An observation whose time is not after the last one applied changes nothing, so evaluating the same batch
/// twice raises no event twice. A firing alert repeats at most once per repeat interval. An alert that fires
/// and resolves too often within the flapping window is held: one flapping message, then no message until it
/// has had no transition for a whole window.
/// </remarks>
public static class AlertStateMachine
{
    /// <summary>
    /// Applies one observation made at <paramref name="at"/> and returns the new state and event.
    /// <paramref name="suppression"/> is the reason messages are held back now (a mute or an inhibiting alert).
    /// </summary>
    public static AlertStep Apply(
        AlertState state,
        RuleObservation observation,
        RuleThresholds thresholds,
        FlappingPolicy flapping,
        DateTimeOffset at,
        AlertSuppression suppression = AlertSuppression.None)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(flapping);

        if (state.LastObservedAt is { } last && at <= last)
        {
            return new AlertStep(state, null, false, Applied: false);
        }

        var current = state with
        {
            LastObservedAt = at,
            LastValue = observation.Level == ObservationLevel.Unknown ? state.LastValue : observation.Value,
            LastDetail = observation.Level == ObservationLevel.Unknown ? state.LastDetail : observation.Detail,
            Transitions = state.Transitions.Where(t => at - t < flapping.Window).ToList(),
        };

        var context = new StepContext(thresholds, flapping, at, suppression);
        var step = observation.Level == ObservationLevel.Unknown
            ? new AlertStep(current, null, false, true)
            : current.Status switch
            {
                AlertStatus.Ok => FromOk(current, observation, context),
                AlertStatus.Pending => FromPending(current, observation, context),
                AlertStatus.Firing => FromFiring(current, observation, context),
                AlertStatus.Clearing => FromClearing(current, observation, context),
                _ => throw new ArgumentOutOfRangeException(nameof(state), state.Status, "Unknown alert status."),
            };

        return step.Event is null ? EndFlappingWhenStable(step.State, context) : step;
    }

    private static AlertStep FromOk(AlertState state, RuleObservation observation, StepContext context)
    {
        if (observation.Level != ObservationLevel.Breach)
        {
            return Unchanged(state);
        }

        var since = observation.Since is { } s && s < context.At ? s : context.At;
        var pending = state with { Status = AlertStatus.Pending, ConditionSince = since };
        return context.At - since >= context.Thresholds.Sustain ? Fire(pending, context) : Unchanged(pending);
    }

    private static AlertStep FromPending(AlertState state, RuleObservation observation, StepContext context)
    {
        if (observation.Level != ObservationLevel.Breach)
        {
            // The condition has to hold without a break for the whole sustain time.
            return Unchanged(state with { Status = AlertStatus.Ok, ConditionSince = null });
        }

        var since = state.ConditionSince ?? context.At;
        return context.At - since >= context.Thresholds.Sustain ? Fire(state, context) : Unchanged(state);
    }

    private static AlertStep FromFiring(AlertState state, RuleObservation observation, StepContext context)
    {
        if (observation.Level != ObservationLevel.Clear)
        {
            return RepeatIfDue(state, context);
        }

        var clearing = state with { Status = AlertStatus.Clearing, ClearingSince = context.At };
        return context.Thresholds.ClearSustain <= TimeSpan.Zero ? Resolve(clearing, context) : Unchanged(clearing);
    }

    private static AlertStep FromClearing(AlertState state, RuleObservation observation, StepContext context)
    {
        if (observation.Level != ObservationLevel.Clear)
        {
            // A reading back inside the band or past the threshold breaks the clear sustain.
            return RepeatIfDue(state with { Status = AlertStatus.Firing, ClearingSince = null }, context);
        }

        var since = state.ClearingSince ?? context.At;
        return context.At - since >= context.Thresholds.ClearSustain ? Resolve(state, context) : Unchanged(state);
    }

    private static AlertStep Fire(AlertState state, StepContext context)
    {
        var transitions = state.Transitions.Append(context.At).ToList();
        var firing = state with
        {
            Status = AlertStatus.Firing,
            FiredAt = context.At,
            ClearingSince = null,
            Transitions = transitions,
            FiredNotified = false,
        };

        if (state.Flapping)
        {
            return new AlertStep(firing, AlertEventKind.Fired, false, true);
        }

        var kind = transitions.Count >= context.Flapping.MaxTransitions
            ? AlertEventKind.FlappingStarted
            : AlertEventKind.Fired;
        if (kind == AlertEventKind.FlappingStarted)
        {
            firing = firing with { Flapping = true };
        }

        return Notified(firing, kind, context, context.Suppression == AlertSuppression.None);
    }

    private static AlertStep Resolve(AlertState state, StepContext context)
    {
        var resolved = state with
        {
            Status = AlertStatus.Ok,
            ConditionSince = null,
            ClearingSince = null,
            FiredNotified = false,
            Transitions = state.Transitions.Append(context.At).ToList(),
        };

        // Only an operator who received the fired message needs the resolution. An inhibiting alert
        // does not hold a resolution back (the operator may know this alert), a mute does.
        var notify = !state.Flapping && state.FiredNotified && context.Suppression != AlertSuppression.Muted;
        return notify
            ? Notified(resolved, AlertEventKind.Resolved, context, true)
            : new AlertStep(resolved, AlertEventKind.Resolved, false, true);
    }

    private static AlertStep RepeatIfDue(AlertState state, StepContext context)
    {
        if (state.Flapping || context.Suppression != AlertSuppression.None)
        {
            return Unchanged(state);
        }

        if (!state.FiredNotified)
        {
            // The fired event was suppressed earlier; the suppression has ended and the alert still fires.
            return Notified(state, AlertEventKind.Fired, context, true);
        }

        var lastMessage = state.LastNotifiedAt ?? state.FiredAt ?? context.At;
        return context.At - lastMessage >= context.Thresholds.RepeatInterval
            ? Notified(state, AlertEventKind.Repeated, context, true)
            : Unchanged(state);
    }

    private static AlertStep EndFlappingWhenStable(AlertState state, StepContext context)
    {
        if (!state.Flapping)
        {
            return Unchanged(state);
        }

        var lastTransition = state.Transitions.Count > 0 ? state.Transitions[^1] : (DateTimeOffset?)null;
        if (lastTransition is { } t && context.At - t < context.Flapping.Window)
        {
            return Unchanged(state);
        }

        var stable = state with { Flapping = false, FiredNotified = false };
        var notify = context.Suppression != AlertSuppression.Muted;
        return Notified(stable, AlertEventKind.FlappingEnded, context, notify);
    }

    private static AlertStep Notified(AlertState state, AlertEventKind kind, StepContext context, bool notify)
    {
        if (!notify)
        {
            return new AlertStep(state, kind, false, true);
        }

        var told = state with
        {
            LastNotifiedAt = context.At,
            FiredNotified = state.IsActive || state.FiredNotified,
        };
        return new AlertStep(told, kind, true, true);
    }

    private static AlertStep Unchanged(AlertState state) => new(state, null, false, true);

    private sealed record StepContext(
        RuleThresholds Thresholds, FlappingPolicy Flapping, DateTimeOffset At, AlertSuppression Suppression);
}
