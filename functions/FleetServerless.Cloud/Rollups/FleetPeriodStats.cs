namespace FleetServerless.Cloud.Rollups;

/// <summary>
/// A fleet (one site or all sites) over one 5-minute bucket. Hashrate and power are fleet totals per UTC minute
/// (the sum over miners of each miner's mean in that minute), and their minimum, maximum and mean are taken over
/// the minutes of the bucket that have samples.
/// </summary>
/// <param name="MinersReporting">Miners with any sample in the bucket.</param>
/// <param name="MinersAnswering">Miners with an answered sample in the bucket.</param>
/// <param name="MinersMining">Miners with a mining sample in the bucket.</param>
/// <param name="MinutesAnswering">Miner-minutes answering, summed over miners.</param>
/// <param name="MinutesMining">Miner-minutes mining, summed over miners.</param>
/// <param name="HashrateRealtimeHps">Statistic of the per-minute fleet hashrate.</param>
/// <param name="PowerWatts">Statistic of the per-minute fleet power, over minutes in which a miner reported power.</param>
/// <param name="ChipTempMaxC">The hottest chip of the bucket.</param>
/// <param name="BoardTempMaxC">The hottest board of the bucket.</param>
public sealed record FleetPeriodStats(
    int MinersReporting,
    int MinersAnswering,
    int MinersMining,
    int MinutesAnswering,
    int MinutesMining,
    RollupStatistic HashrateRealtimeHps,
    RollupStatistic PowerWatts,
    double? ChipTempMaxC,
    double? BoardTempMaxC);
