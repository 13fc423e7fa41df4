using System.Diagnostics;
using System.Text.Json;

namespace FleetServerless.Relay.Benchmarks;

/// <summary>
/// The simulated fleet in its own process (<c>fleet-simulator miners</c>), so that the relay's CPU time and memory
/// are measured without the simulator's.
/// </summary>
internal sealed class SimulatorProcess : IDisposable
{
    private readonly Process _process;

    private SimulatorProcess(Process process, IReadOnlyList<(string Name, string Host)> miners)
    {
        _process = process;
        Miners = miners;
    }

    public IReadOnlyList<(string Name, string Host)> Miners { get; }

    public static async Task<SimulatorProcess> StartAsync(string simulatorDll, int count, int delayMs, string minersFile)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { simulatorDll, "miners", "--count", count.ToString(), "--delay-ms", delayMs.ToString(), "--miners-file", minersFile })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The simulator did not start.");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"simulator: {e.Data}"); };
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("Miner list written", StringComparison.Ordinal))
            {
                break;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                process.Kill();
                throw new TimeoutException("The simulator did not write its miner list within 2 minutes.");
            }
        }

        // Keep draining standard output, because a full pipe would block the simulator.
        _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(minersFile));
        var list = FindMinerArray(document.RootElement)
            .EnumerateArray()
            .Select(m => (m.GetProperty("Name").GetString()!, m.GetProperty("Host").GetString()!))
            .ToList();
        return new SimulatorProcess(process, list);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    /// <summary>The file is either a bare array or <c>{ "Relay": { "Miners": [...] } }</c>.</summary>
    private static JsonElement FindMinerArray(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.TryGetProperty("Relay", out var relay) && relay.TryGetProperty("Miners", out var miners))
        {
            return miners;
        }

        return root.GetProperty("Miners");
    }
}
