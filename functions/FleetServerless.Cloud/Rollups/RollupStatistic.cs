namespace FleetServerless.Cloud.Rollups;

/// <summary>Count, sum, minimum and maximum of a reading; the mean follows. Sums make rollups of rollups exact.</summary>
public readonly record struct RollupStatistic(long Count, double Sum, double? Min, double? Max)
{
    public double? Mean => Count == 0 ? null : Sum / Count;

    public RollupStatistic Add(double? value)
    {
        if (value is not { } v)
        {
            return this;
        }

        return new RollupStatistic(Count + 1, Sum + v, Min is null ? v : Math.Min(Min.Value, v), Max is null ? v : Math.Max(Max.Value, v));
    }

    public RollupStatistic Combine(RollupStatistic other) =>
        new(Count + other.Count, Sum + other.Sum, Lower(Min, other.Min), Higher(Max, other.Max));

    private static double? Lower(double? a, double? b)
    {
        if (a is null)
        {
            return b;
        }

        return b is null ? a : Math.Min(a.Value, b.Value);
    }

    private static double? Higher(double? a, double? b)
    {
        if (a is null)
        {
            return b;
        }

        return b is null ? a : Math.Max(a.Value, b.Value);
    }
}
