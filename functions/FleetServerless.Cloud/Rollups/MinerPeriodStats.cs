namespace FleetServerless.Cloud.Rollups;

/// <summary>
/// One miner over one period. Readings come from answered samples only, because a miner that did not answer
/// has unknown, not zero, readings.
/// </summary>
/// <param name="SampleCount">Samples in the period, answered or not.</param>
/// <param name="AnsweredCount">Samples in which the miner answered.</param>
/// <param name="MinutesAnswering">UTC minutes in which at least one sample answered.</param>
/// <param name="MinutesMining">UTC minutes in which at least one sample was mining (hashing state, hashrate above zero).</param>
/// <param name="HashrateRealtimeHps">Statistic of the realtime hashrate.</param>
/// <param name="PowerWatts">Statistic of the power draw.</param>
/// <param name="ChipTempMaxC">Statistic of each sample's hottest chip.</param>
/// <param name="BoardTempMaxC">Statistic of each sample's hottest board.</param>
public sealed record MinerPeriodStats(
    long SampleCount,
    long AnsweredCount,
    int MinutesAnswering,
    int MinutesMining,
    RollupStatistic HashrateRealtimeHps,
    RollupStatistic PowerWatts,
    RollupStatistic ChipTempMaxC,
    RollupStatistic BoardTempMaxC)
{
    public static MinerPeriodStats Empty { get; } = new(0, 0, 0, 0, default, default, default, default);

    /// <summary>Adds two periods that do not overlap, such as the hours of one day.</summary>
    public MinerPeriodStats Combine(MinerPeriodStats other) => new(
        SampleCount + other.SampleCount,
        AnsweredCount + other.AnsweredCount,
        MinutesAnswering + other.MinutesAnswering,
        MinutesMining + other.MinutesMining,
        HashrateRealtimeHps.Combine(other.HashrateRealtimeHps),
        PowerWatts.Combine(other.PowerWatts),
        ChipTempMaxC.Combine(other.ChipTempMaxC),
        BoardTempMaxC.Combine(other.BoardTempMaxC));
}
