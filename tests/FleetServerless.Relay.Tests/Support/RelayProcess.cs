using System.Diagnostics;
using System.Text;

namespace FleetServerless.Relay.Tests.Support;

/// <summary>The built relay started as a real process: <c>dotnet fleet-relay.dll ...</c> from the test's output folder.</summary>
public sealed class RelayProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RelayProcess(Process process) => _process = process;

    /// <summary>Environment variable that overrides where the built relay is found.</summary>
    public const string RelayDllVariable = "FLEET_TEST_RELAY_DLL";

    /// <summary>
    /// The relay's entry assembly in the relay project's own build output, built with the same configuration as
    /// the tests. The copy beside the tests cannot run by itself: its packages come from the test's frameworks.
    /// </summary>
    public static string RelayDllPath { get; } = FindRelayDll();

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static RelayProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RelayDllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = info };
        var relay = new RelayProcess(process);
        process.OutputDataReceived += (_, e) => relay.Append(e.Data);
        process.ErrorDataReceived += (_, e) => relay.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return relay;
    }

    /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>Waits until the process printed <paramref name="text"/>; throws with its output when it does not in time.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException($"The relay did not print '{text}' within {timeout}. Output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The relay did not exit within {timeout}. Output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string FindRelayDll()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(RelayDllVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        // The tests run from tests/FleetServerless.Relay.Tests/bin/<configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent?.Name ?? "Debug";
        for (var directory = framework; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FleetServerless.sln")))
            {
                return Path.Combine(directory.FullName, "relay", "FleetServerless.Relay", "bin", configuration, framework.Name, "fleet-relay.dll");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "fleet-relay.dll");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
