using System.Diagnostics.Metrics;
using FleetServerless.Cloud.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Cloud.Tests.Api;

public sealed class FleetMeterTests
{
    [Fact]
    public void Gauges_ReportEachSiteWithSiteDimension()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var snapshot = new FleetMetricsSnapshot();
        using var meter = new FleetMeter(services.GetRequiredService<IMeterFactory>(), snapshot);
        snapshot.Replace(
        [
            new SiteFleetMetrics("mine-a", MinersTotal: 6, MinersMining: 5, HashrateHps: 44.3e9, PowerWatts: 17305, ChipTempMaxC: 71, AlertsActive: 2),
            new SiteFleetMetrics("mine-b", MinersTotal: 2, MinersMining: 0, HashrateHps: 0, PowerWatts: null, ChipTempMaxC: null, AlertsActive: null),
        ], DateTimeOffset.UnixEpoch);

        var measurements = Collect();

        Assert.Equal(44.3e9, measurements[(FleetMeter.HashrateInstrument, "mine-a")]);
        Assert.Equal(0.0, measurements[(FleetMeter.HashrateInstrument, "mine-b")]);
        Assert.Equal(6.0, measurements[(FleetMeter.MinersTotalInstrument, "mine-a")]);
        Assert.Equal(5.0, measurements[(FleetMeter.MinersMiningInstrument, "mine-a")]);
        Assert.Equal(17305.0, measurements[(FleetMeter.PowerInstrument, "mine-a")]);
        Assert.Equal(71.0, measurements[(FleetMeter.ChipTempMaxInstrument, "mine-a")]);
        Assert.Equal(2.0, measurements[(FleetMeter.AlertsActiveInstrument, "mine-a")]);
        Assert.False(measurements.ContainsKey((FleetMeter.PowerInstrument, "mine-b")), "Unknown power was reported.");
        Assert.False(measurements.ContainsKey((FleetMeter.ChipTempMaxInstrument, "mine-b")), "Unknown temperature was reported.");
        Assert.False(measurements.ContainsKey((FleetMeter.AlertsActiveInstrument, "mine-b")), "Unknown alert count was reported.");
    }

    [Fact]
    public void Instruments_HaveUnitsAndMeterName()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var meter = new FleetMeter(services.GetRequiredService<IMeterFactory>(), new FleetMetricsSnapshot());
        var units = new Dictionary<string, string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == FleetMeter.MeterName)
                {
                    units[instrument.Name] = instrument.Unit;
                }
            },
        };
        listener.Start();

        Assert.Equal("H/s", units[FleetMeter.HashrateInstrument]);
        Assert.Equal("W", units[FleetMeter.PowerInstrument]);
        Assert.Equal("Cel", units[FleetMeter.ChipTempMaxInstrument]);
        Assert.Equal(6, units.Count);
    }

    private static Dictionary<(string Instrument, string Site), double> Collect()
    {
        var values = new Dictionary<(string, string), double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FleetMeter.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => values[(instrument.Name, Site(tags))] = value);
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => values[(instrument.Name, Site(tags))] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    private static string Site(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == FleetMeter.SiteDimension)
            {
                return (string)tag.Value!;
            }
        }

        return "";
    }
}
