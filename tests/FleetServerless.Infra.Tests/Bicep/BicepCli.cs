using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FleetServerless.Infra.Tests.Bicep;

/// <summary>
/// Runs the Bicep CLI restored from its NuGet package (or the one <c>FLEET_BICEP</c> names) with no network.
/// </summary>
/// <remarks>
/// Bicep 0.49.2 looks up the host name <c>aka.ms</c> on every build and lint, even of a template without
/// registry modules. Where <c>unshare</c> can create a user and network namespace, each run gets a private
/// network namespace that has no interface but a down loopback, so nothing leaves the machine.
/// </remarks>
internal static class BicepCli
{
    /// <summary>Environment variable that overrides the Bicep binary, for machines that are not linux-x64.</summary>
    public const string PathVariable = "FLEET_BICEP";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<(string? Path, string? SkipReason)> Located = new(Locate);
    private static readonly Lazy<Task<bool>> NetworkIsolation = new(CanIsolateNetworkAsync);

    /// <summary>Returns the Bicep binary's path, or reports the calling test skipped with the reason.</summary>
    public static string RequirePath()
    {
        var (path, skipReason) = Located.Value;
        if (path is null)
        {
            Assert.Skip(skipReason!);
        }

        return path;
    }

    /// <summary>Runs Bicep with the arguments and returns its exit code and output.</summary>
    public static Task<BicepResult> RunAsync(params string[] arguments) => RunInAsync(workingDirectory: null, arguments);

    /// <summary>Runs Bicep in a working directory, for <c>--pattern</c> globs that are relative to it.</summary>
    public static async Task<BicepResult> RunInAsync(string? workingDirectory, params string[] arguments)
    {
        var bicep = RequirePath();
        var isolate = await NetworkIsolation.Value;
        var start = new ProcessStartInfo(isolate ? "unshare" : bicep)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (isolate)
        {
            start.ArgumentList.Add("--net");
            start.ArgumentList.Add("--map-root-user");
            start.ArgumentList.Add(bicep);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(RunTimeout);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {RunTimeout}.");
        }

        return new BicepResult(process.ExitCode, await output + await error);
    }

    private static (string? Path, string? SkipReason) Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? (fromEnvironment, null)
                : (null, $"{PathVariable} is set to '{fromEnvironment}', but no file is there.");
        }

        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return (null,
                $"The restored Bicep package is for linux-x64 and this machine is {RuntimeInformation.RuntimeIdentifier}. " +
                $"Set {PathVariable} to a Bicep CLI for this machine.");
        }

        var restored = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "BicepPath")?.Value;
        if (string.IsNullOrWhiteSpace(restored))
        {
            return (null, "The test build did not record BicepPath: restore the package with scripts/prepare-tools.sh and rebuild.");
        }

        var full = Path.GetFullPath(restored);
        return File.Exists(full)
            ? (full, null)
            : (null, $"The Bicep CLI is missing at {full}: run scripts/prepare-tools.sh.");
    }

    private static async Task<bool> CanIsolateNetworkAsync()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("unshare", ["--net", "--map-root-user", "true"])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (probe is null)
            {
                return false;
            }

            await probe.WaitForExitAsync();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // NOTE: without unshare (Windows, macOS, containers that forbid namespaces) Bicep runs with the
            // machine's network, and its lookup of aka.ms goes out as it does for every Bicep user.
            return false;
        }
    }
}
