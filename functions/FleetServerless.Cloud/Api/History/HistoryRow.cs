namespace FleetServerless.Cloud.Api.History;

/// <summary>
/// One stored row (a raw sample or a rollup period) in the form the aggregation reads. Null is unknown.
/// <see cref="Samples"/> is how many raw samples the row stands for, the weight of its means.
/// </summary>
public sealed record HistoryRow(
    DateTimeOffset Start,
    double? HashrateMeanHps,
    double? HashrateMinHps,
    double? HashrateMaxHps,
    double? PowerMeanWatts,
    double? PowerMaxWatts,
    double? ChipTempMaxC,
    double? BoardTempMaxC,
    double? MinutesAnswering,
    double? MinutesMining,
    int? MinersTotal,
    int? MinersMining,
    long Samples);
