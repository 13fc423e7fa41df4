using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FleetServerless.DevHost.Local;

/// <summary>
/// Azurite, installed from the repository's npm lockfile, running as a child process on free loopback ports
/// with in-memory storage and its telemetry off. Disposing it stops the process.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's fixed, publicly documented development account; not a secret.</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>A storage connection string for the three services of this instance.</summary>
    public string ConnectionString => CreateConnectionString(BlobPort, QueuePort, TablePort);

    public static string CreateConnectionString(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>The Azurite entry script under the repository's <c>node_modules</c>, or null when npm ci has not run.</summary>
    public static string? FindEntryScript(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        return File.Exists(script) ? script : null;
    }

    /// <summary>Finds the folder holding <c>FleetServerless.sln</c>, starting at <paramref name="start"/> and going up.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FleetServerless.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Starts Azurite and waits until all three services listen. Throws <see cref="InvalidOperationException"/>
    /// when Azurite is not installed, exits early, or does not listen within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var script = FindEntryScript(repositoryRoot)
            ?? throw new InvalidOperationException(
                $"Azurite is not installed under {repositoryRoot}/node_modules. Run 'npm ci' in the repository root.");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repositoryRoot,
        };
        foreach (var argument in new[]
                 {
                     script, "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", "0",
                     "--queueHost", "127.0.0.1", "--queuePort", "0",
                     "--tableHost", "127.0.0.1", "--tablePort", "0",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start 'node'. Install Node.js 20 or later.");

        var ports = new Dictionary<string, int>();
        var allListening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                allListening.TrySetException(new InvalidOperationException(
                    $"Azurite exited before it listened: {string.Join(" ", errors)}"));
                return;
            }

            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                lock (ports)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value);
                    if (ports.Count == 3)
                    {
                        allListening.TrySetResult();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await allListening.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            StopProcess(process);
            if (ex is TimeoutException)
            {
                throw new InvalidOperationException($"Azurite did not listen within {timeout.TotalSeconds} s.", ex);
            }

            throw;
        }

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    public ValueTask DisposeAsync()
    {
        StopProcess(_process);
        return ValueTask.CompletedTask;
    }

    private static void StopProcess(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // The process has already exited.
        }

        process.Dispose();
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
