using System.Diagnostics;
using System.Globalization;
using FleetServerless.Relay.Benchmarks;
using FleetServerless.Relay.Hosting;
using FleetServerless.Relay.Polling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Polls a simulated fleet with the relay's real pipeline and prints one result line per measured cycle.
// Usage: FleetServerless.Relay.Benchmarks <simulator dll> <miners> <delay ms> <max parallel polls> <cycles> [single-miner ms]
// Run one fleet size per process: the peak working set is the process's peak. The ratio compares the cycle with the
// read time of one miner alone: pass it from a run with 1 miner, or leave it out to use this run's own minimum.
if (args.Length is not (5 or 6))
{
    Console.Error.WriteLine("Usage: FleetServerless.Relay.Benchmarks <fleet-simulator.dll> <miners> <delay-ms> <max-parallel-polls> <cycles> [single-miner-ms]");
    return 2;
}

var simulatorDll = args[0];
var minerCount = int.Parse(args[1], CultureInfo.InvariantCulture);
var delayMs = int.Parse(args[2], CultureInfo.InvariantCulture);
var parallel = int.Parse(args[3], CultureInfo.InvariantCulture);
var cycles = int.Parse(args[4], CultureInfo.InvariantCulture);

var work = Directory.CreateTempSubdirectory("fleet-relay-bench-").FullName;
try
{
    using var simulator = await SimulatorProcess.StartAsync(simulatorDll, minerCount, delayMs, Path.Combine(work, "miners.json"));

    var results = await MeasureAsync(simulator.Miners, parallel, cycles, Path.Combine(work, "fleet.db"));
    var singleMs = args.Length == 6 ? double.Parse(args[5], CultureInfo.InvariantCulture) : results.Min(c => c.WallMs);
    foreach (var result in results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"miners={minerCount} delayMs={delayMs} parallel={parallel} singleMinerMs={singleMs:F0} cycleMs={result.WallMs:F0} " +
            $"ratio={result.WallMs / singleMs:F2} cpuMs={result.CpuMs:F0} answered={result.Answered} " +
            $"allocatedMB={result.AllocatedMb:F1} peakWorkingSetMB={result.PeakWorkingSetMb:F1}"));
    }

    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<List<CycleMeasurement>> MeasureAsync(
    IReadOnlyList<(string Name, string Host)> miners, int parallel, int cycles, string outboxPath)
{
    var settings = new Dictionary<string, string?>
    {
        ["Relay:SiteId"] = "site-bench",
        ["Relay:RelayId"] = "relay-bench",
        ["Relay:PollInterval"] = "00:30:00",
        ["Relay:MinerTimeout"] = "00:05:00",
        ["Relay:MaxParallelPolls"] = parallel.ToString(CultureInfo.InvariantCulture),
        ["Relay:PollAllowlist:0"] = "127.0.0.0/8",
        ["Relay:Outbox:Path"] = outboxPath,
        ["Relay:Publisher:IngestUrl"] = "http://127.0.0.1:9/api/ingest",
        ["Relay:Publisher:FunctionKey"] = "benchmark",
    };
    for (var i = 0; i < miners.Count; i++)
    {
        settings[$"Relay:Miners:{i}:Name"] = miners[i].Name;
        settings[$"Relay:Miners:{i}:Host"] = miners[i].Host;
        settings[$"Relay:Miners:{i}:Api"] = "web";
    }

    var builder = RelayHost.CreateBuilder(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    builder.Logging.ClearProviders();
    using var host = builder.Build();
    var pipeline = host.Services.GetRequiredService<RelayPipeline>();
    using (var before = Process.GetCurrentProcess())
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"host built for {miners.Count} miners: working set {before.WorkingSet64 / 1048576.0:F1} MB, GC heap {GC.GetTotalMemory(false) / 1048576.0:F1} MB"));
    }

    // The first cycle unlocks every miner and detects its API; the measured cycles are the steady state.
    await pipeline.RunPollCycleAsync(CancellationToken.None);
    using (var warm = Process.GetCurrentProcess())
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after the first cycle: working set {warm.WorkingSet64 / 1048576.0:F1} MB, GC heap {GC.GetTotalMemory(false) / 1048576.0:F1} MB"));
    }

    var measurements = new List<CycleMeasurement>();
    using var process = Process.GetCurrentProcess();
    for (var i = 0; i < cycles; i++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();

        var cycle = await pipeline.RunPollCycleAsync(CancellationToken.None);

        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        measurements.Add(new CycleMeasurement(
            wall.TotalMilliseconds,
            (process.TotalProcessorTime - cpuBefore).TotalMilliseconds,
            cycle.AnsweredCount,
            (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,
            process.PeakWorkingSet64 / 1048576.0));
    }

    return measurements;
}

internal sealed record CycleMeasurement(double WallMs, double CpuMs, int Answered, double AllocatedMb, double PeakWorkingSetMb);
