using Azure;
using FleetServerless.Cloud.Fleet;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetServerless.Cloud.Telemetry;

/// <summary>
/// Recomputes the gauges' values from the fleet summary on a fixed cadence, so an export reads values at most
/// one refresh interval old without touching storage on the exporter's thread.
/// </summary>
public sealed class FleetMetricsRefresher(
    FleetSummaryService summaries,
    FleetMetricsSnapshot snapshot,
    FleetMeter meter,
    IOptions<FleetTelemetryOptions> options,
    TimeProvider time,
    ILogger<FleetMetricsRefresher> logger) : BackgroundService
{
    /// <summary>Replaces the snapshot with the current per-site values.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var (report, generatedAt, _) = await summaries.GetReportAsync(cancellationToken);
        var sites = report.Sites.Select(site => new SiteFleetMetrics(
            site.SiteId,
            site.Summary.MinersTotal,
            site.Summary.MinersMining,
            site.Summary.HashrateRealtimeHps,
            site.Summary.PowerWatts,
            site.Summary.ChipTempMaxC,
            // TODO: count active alerts per site once the alert store offers a reader; unknown until then.
            AlertsActive: null));
        snapshot.Replace(sites, generatedAt);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        GC.KeepAlive(meter);
        if (!options.Value.RefreshEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshIntervalSeconds), time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException)
            {
                Api.ApiLog.FleetMetricsRefreshFailed(logger, snapshot.UpdatedAt, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
