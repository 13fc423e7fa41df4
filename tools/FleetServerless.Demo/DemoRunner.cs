using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetServerless.DevHost.Local;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Demo;

/// <summary>
/// The demo command: installs Azurite when <c>node_modules</c> lacks it, starts it and the <see cref="DemoStack"/>,
/// prints the fleet API's address and key, shows the fleet as it fills, and stops everything on Ctrl-C.
/// </summary>
public static class DemoRunner
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the demo until Ctrl-C, SIGTERM or <paramref name="cancellationToken"/>, and returns the exit code.</summary>
    public static async Task<int> RunAsync(DemoOptions options, bool exitWhenReady, TextWriter output, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stopping));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stopping));
        return await RunUntilStoppedAsync(options, exitWhenReady, output, stopping.Token);
    }

    /// <summary>Turns a signal into a graceful stop: the process stays up until everything it started has stopped.</summary>
    private static void Stop(PosixSignalContext context, CancellationTokenSource stopping)
    {
        context.Cancel = true;
        stopping.Cancel();
    }

    private static async Task<int> RunUntilStoppedAsync(DemoOptions options, bool exitWhenReady, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.MinerCount is < 1 or > 600)
        {
            await output.WriteLineAsync($"--miners is {options.MinerCount}; use a count from 1 to 600.");
            return 2;
        }

        if (options.PollInterval < TimeSpan.FromSeconds(5) || options.PollInterval > TimeSpan.FromMinutes(5))
        {
            await output.WriteLineAsync($"--poll-interval-seconds is {options.PollInterval.TotalSeconds}; use 5 to 300.");
            return 2;
        }

        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? AzuriteProcess.FindRepositoryRoot(Environment.CurrentDirectory);
        if (root is null)
        {
            await output.WriteLineAsync("Could not find FleetServerless.sln above the demo; run it from the repository with 'dotnet run --project tools/FleetServerless.Demo'.");
            return 2;
        }

        if (AzuriteProcess.FindEntryScript(root) is null && !await InstallAzuriteAsync(root, output, cancellationToken))
        {
            return 1;
        }

        await output.WriteLineAsync("Starting Azurite (in memory, telemetry off) on free loopback ports...");
        await using var azurite = await AzuriteProcess.StartAsync(root, TimeSpan.FromSeconds(60), cancellationToken);

        await output.WriteLineAsync($"Starting {options.MinerCount} simulated miners, the DevHost and the relay...");
        await using var stack = await DemoStack.StartAsync(options, azurite.ConnectionString, cancellationToken);

        await PrintAddressesAsync(stack, options, output);
        var ready = await WatchFleetAsync(stack, options, exitWhenReady, output, cancellationToken);

        await output.WriteLineAsync("Stopping the relay, the DevHost, the simulated miners and Azurite...");
        return exitWhenReady && !ready ? 1 : 0;
    }

    private static async Task PrintAddressesAsync(DemoStack stack, DemoOptions options, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"  Fleet API:  {stack.FleetUri}");
        await output.WriteLineAsync($"  Key:        {stack.DevHost.ApiKey}");
        await output.WriteLineAsync($"  Try:        curl -H \"x-functions-key: {stack.DevHost.ApiKey}\" {stack.FleetUri}");
        await output.WriteLineAsync($"  Dashboard:  {stack.DashboardUri}?code={stack.DevHost.ApiKey} (the page keeps the key and removes it from the address)");
        await output.WriteLineAsync($"  Profit:     {new Uri(stack.DevHost.BaseAddress, "api/profitability")} ({options.PoolProvider} pool, network estimate)");
        await output.WriteLineAsync($"  Alerts:     signed webhook to {stack.Alerts.Url}, printed here as they arrive");
        await output.WriteLineAsync($"  The relay polls every {options.PollInterval.TotalSeconds:0} s. Press Ctrl-C to stop everything.");
        await output.WriteLineAsync();
    }

    /// <summary>
    /// Prints the fleet summary whenever it changes. Returns whether every simulated miner was seen mining; with
    /// <paramref name="exitWhenReady"/> it returns as soon as they are, or after <see cref="ReadyTimeout"/>.
    /// </summary>
    private static async Task<bool> WatchFleetAsync(
        DemoStack stack, DemoOptions options, bool exitWhenReady, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-functions-key", stack.DevHost.ApiKey);
        var started = Stopwatch.StartNew();
        var ready = false;
        string? lastLine = null;

        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await ReadFleetLineAsync(http, stack.FleetUri, cancellationToken);
            if (line is not null && line.Text != lastLine)
            {
                await output.WriteLineAsync($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {line.Text}");
                lastLine = line.Text;
            }

            foreach (var headline in stack.Alerts.TakeHeadlines())
            {
                await output.WriteLineAsync($"[{DateTimeOffset.UtcNow:HH:mm:ss}] alert delivered to the webhook: {headline}");
            }

            var allMining = line?.MinersMining == options.MinerCount;
            if (exitWhenReady && (allMining || started.Elapsed > ReadyTimeout))
            {
                return allMining;
            }

            if (allMining && !ready)
            {
                ready = true;
                await FailOneBoardAsync(stack, output);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return ready;
    }

    /// <summary>Puts the last simulated miner into the failure state with a failed board, to show an alert arrive.</summary>
    private static async Task FailOneBoardAsync(DemoStack stack, TextWriter output)
    {
        var miner = stack.Fleet.Miners[^1];
        stack.Fleet.SetFault(miner.Index, MinerFaults.Failure, enabled: true);
        await output.WriteLineAsync(
            $"[{DateTimeOffset.UtcNow:HH:mm:ss}] every miner is mining; the demo now fails hashboard {SimulatedMiner.FailedBoardId} " +
            $"of {miner.Name}, and the alert reaches the webhook once the rule's sustain time has passed.");
    }

    private sealed record FleetLine(string Text, int MinersMining);

    private static async Task<FleetLine?> ReadFleetLineAsync(HttpClient http, Uri fleetUri, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetFromJsonAsync<JsonObject>(fleetUri, cancellationToken);
            var overall = body?["overall"];
            if (overall is null)
            {
                return null;
            }

            var mining = (int?)overall["minersMining"] ?? 0;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"fleet: {(int?)overall["minersTotal"]} miners, {(int?)overall["minersAnswering"]} answering, {mining} mining, " +
                $"{(double?)overall["hashrateDisplay"]:0.0} {(string?)overall["hashrateDisplayUnit"]}, " +
                $"{(double?)overall["powerWatts"]:0} W");
            return new FleetLine(text, mining);
        }
        catch (HttpRequestException ex)
        {
            return new FleetLine($"fleet API not reachable yet: {ex.Message}", 0);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<bool> InstallAzuriteAsync(string root, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Azurite is not installed yet; running 'npm ci' in the repository root (once)...");
        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var start = new ProcessStartInfo(npm) { WorkingDirectory = root, UseShellExecute = false };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode == 0)
            {
                return true;
            }

            await output.WriteLineAsync($"'npm ci' failed with exit code {process.ExitCode}; fix the npm error above and run the demo again.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            await output.WriteLineAsync($"Could not run npm ({ex.Message}); install Node.js 20 or later with npm.");
        }

        return false;
    }
}
