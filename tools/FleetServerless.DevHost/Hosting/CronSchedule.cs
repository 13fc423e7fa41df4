using NCrontab;

namespace FleetServerless.DevHost.Hosting;

/// <summary>
/// A six-field NCRONTAB schedule (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), the format of
/// the Functions timer trigger, evaluated in UTC as the Functions host does without <c>WEBSITE_TIME_ZONE</c>.
/// </summary>
public sealed class CronSchedule
{
    private readonly CrontabSchedule _schedule;

    private CronSchedule(CrontabSchedule schedule, string expression)
    {
        _schedule = schedule;
        Expression = expression;
    }

    public string Expression { get; }

    /// <summary>Parses an expression; throws <see cref="FormatException"/> naming the function and the expression.</summary>
    public static CronSchedule Parse(string expression, string functionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return schedule is null
            ? throw new FormatException(
                $"The schedule '{expression}' of function '{functionName}' is not a six-field NCRONTAB expression " +
                "(second minute hour day month day-of-week), for example '0 */5 * * * *'.")
            : new CronSchedule(schedule, expression);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var next = _schedule.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }
}
