namespace FleetServerless.Cloud.Api.History;

/// <summary>Combines the stored rows of one period into a <see cref="HistoryPoint"/>.</summary>
internal sealed class PointAccumulator(DateTimeOffset start)
{
    private double _hashrateWeighted;
    private double _hashrateWeight;
    private double _powerWeighted;
    private double _powerWeight;
    private long? _samples;

    private double? _hashrateMin;
    private double? _hashrateMax;
    private double? _powerMax;
    private double? _chipTempMax;
    private double? _boardTempMax;
    private double? _minutesAnswering;
    private double? _minutesMining;
    private int? _minersReporting;
    private int? _minersMining;

    public DateTimeOffset Start { get; } = start;

    public void Add(HistoryRow row)
    {
        if (row.Samples is { } samples)
        {
            _samples = (_samples ?? 0) + samples;
        }

        if (row.HashrateMeanHps is { } hashrate)
        {
            var weight = Math.Max(1, row.HashrateWeight);
            _hashrateWeighted += hashrate * weight;
            _hashrateWeight += weight;
        }

        if (row.PowerMeanWatts is { } power)
        {
            var weight = Math.Max(1, row.PowerWeight);
            _powerWeighted += power * weight;
            _powerWeight += weight;
        }

        _hashrateMin = Min(_hashrateMin, row.HashrateMinHps);
        _hashrateMax = Max(_hashrateMax, row.HashrateMaxHps);
        _powerMax = Max(_powerMax, row.PowerMaxWatts);
        _chipTempMax = Max(_chipTempMax, row.ChipTempMaxC);
        _boardTempMax = Max(_boardTempMax, row.BoardTempMaxC);
        _minutesAnswering = Sum(_minutesAnswering, row.MinutesAnswering);
        _minutesMining = Sum(_minutesMining, row.MinutesMining);
        _minersReporting = row.MinersReporting is null ? _minersReporting : Math.Max(_minersReporting ?? 0, row.MinersReporting.Value);
        _minersMining = row.MinersMining is null ? _minersMining : Math.Max(_minersMining ?? 0, row.MinersMining.Value);
    }

    public HistoryPoint ToPoint() => new()
    {
        Start = Start,
        HashrateMeanHps = _hashrateWeight > 0 ? _hashrateWeighted / _hashrateWeight : null,
        HashrateMinHps = _hashrateMin,
        HashrateMaxHps = _hashrateMax,
        PowerMeanWatts = _powerWeight > 0 ? _powerWeighted / _powerWeight : null,
        PowerMaxWatts = _powerMax,
        ChipTempMaxC = _chipTempMax,
        BoardTempMaxC = _boardTempMax,
        MinutesAnswering = _minutesAnswering,
        MinutesMining = _minutesMining,
        MinersReporting = _minersReporting,
        MinersMining = _minersMining,
        Samples = _samples,
    };

    private static double? Min(double? current, double? value)
    {
        if (value is null || current is null)
        {
            return current ?? value;
        }

        return Math.Min(current.Value, value.Value);
    }

    private static double? Max(double? current, double? value)
    {
        if (value is null || current is null)
        {
            return current ?? value;
        }

        return Math.Max(current.Value, value.Value);
    }

    private static double? Sum(double? current, double? value) =>
        value is null ? current : (current ?? 0) + value.Value;
}
