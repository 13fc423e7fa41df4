using System.Diagnostics;
using FleetServerless.DevHost.Local;

namespace FleetServerless.EndToEnd.Tests;

/// <summary>
/// Runs the built demo command as its own process, as the README's demo command does, and checks that it
/// starts Azurite, the fleet, the relay and the DevHost and sees every miner mining.
/// </summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task DemoCommand_SeesEveryMinerMining()
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory);
        if (root is null || AzuriteProcess.FindEntryScript(root) is null)
        {
            Assert.Skip("Azurite is not installed: run 'npm ci' in the repository root, or use the README's test command.");
        }

        var demo = Path.Combine(AppContext.BaseDirectory, "fleet-demo.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in new[] { demo, "--miners", "4", "--poll-interval-seconds", "5", "--exit-when-ready" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var printed = await output + await errors;
        Assert.True(process.ExitCode == 0, $"the demo exited with {process.ExitCode}:\n{printed}");
        Assert.Contains("Fleet API:  http://127.0.0.1:", printed);
        Assert.Contains("4 mining", printed);
        Assert.Contains("Stopping the relay", printed);
    }
}
