namespace FleetServerless.Cloud.Api.History;

/// <summary>
/// One stored row (a raw sample or a rollup period) in the form the aggregation reads. Null is unknown.
/// The weights are how many readings each mean stands for, so means of several rows are weighted exactly.
/// <see cref="Samples"/> is the raw samples behind the row, null for fleet rollups, which do not store it.
/// </summary>
public sealed record HistoryRow(
    DateTimeOffset Start,
    double? HashrateMeanHps,
    double? HashrateMinHps,
    double? HashrateMaxHps,
    long HashrateWeight,
    double? PowerMeanWatts,
    double? PowerMaxWatts,
    long PowerWeight,
    double? ChipTempMaxC,
    double? BoardTempMaxC,
    double? MinutesAnswering,
    double? MinutesMining,
    int? MinersReporting,
    int? MinersMining,
    long? Samples);
