using System.Diagnostics.Metrics;

namespace FleetServerless.Cloud.Telemetry;

/// <summary>
/// The fleet's OpenTelemetry metrics: observable gauges that report the latest <see cref="FleetMetricsSnapshot"/>
/// per site, with the site id as the <c>site</c> dimension.
/// </summary>
/// <remarks>
/// The meter and instrument names are a contract: the Azure Monitor workbook in <c>infra-bicep/</c> queries
/// them. A site whose value is unknown (no miner reported power, say) reports no measurement for that gauge,
/// never zero.
/// </remarks>
public sealed class FleetMeter : IDisposable
{
    public const string MeterName = "FleetServerless.Fleet";
    public const string SiteDimension = "site";

    public const string HashrateInstrument = "fleet.hashrate";
    public const string MinersTotalInstrument = "fleet.miners.total";
    public const string MinersMiningInstrument = "fleet.miners.mining";
    public const string PowerInstrument = "fleet.power";
    public const string ChipTempMaxInstrument = "fleet.chip_temp.max";
    public const string AlertsActiveInstrument = "fleet.alerts.active";

    private readonly Meter _meter;
    private readonly FleetMetricsSnapshot _snapshot;

    public FleetMeter(IMeterFactory meterFactory, FleetMetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        _meter = meterFactory.Create(MeterName);

        _meter.CreateObservableGauge(HashrateInstrument, () => Measure(s => s.HashrateHps), "H/s",
            "Realtime hashrate of the miners mining, in hashes per second.");
        _meter.CreateObservableGauge(MinersTotalInstrument, () => MeasureCount(s => s.MinersTotal), "{miner}",
            "Miners known at the site.");
        _meter.CreateObservableGauge(MinersMiningInstrument, () => MeasureCount(s => s.MinersMining), "{miner}",
            "Miners answering, in a hashing state, with a hashrate above zero.");
        _meter.CreateObservableGauge(PowerInstrument, () => Measure(s => s.PowerWatts), "W",
            "Power drawn by the answering miners that report it, in watts.");
        _meter.CreateObservableGauge(ChipTempMaxInstrument, () => Measure(s => s.ChipTempMaxC), "Cel",
            "Hottest chip temperature at the site, in degrees Celsius.");
        _meter.CreateObservableGauge(AlertsActiveInstrument, () => MeasureCount(s => s.AlertsActive), "{alert}",
            "Alerts currently raised at the site.");
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Measure(Func<SiteFleetMetrics, double?> value)
    {
        foreach (var site in _snapshot.Sites)
        {
            if (value(site) is { } known)
            {
                yield return new Measurement<double>(known, new KeyValuePair<string, object?>(SiteDimension, site.SiteId));
            }
        }
    }

    private IEnumerable<Measurement<long>> MeasureCount(Func<SiteFleetMetrics, long?> value)
    {
        foreach (var site in _snapshot.Sites)
        {
            if (value(site) is { } known)
            {
                yield return new Measurement<long>(known, new KeyValuePair<string, object?>(SiteDimension, site.SiteId));
            }
        }
    }
}
