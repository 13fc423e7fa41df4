using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Miners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Commands;

/// <summary>
/// <c>probe &lt;host[:port]&gt;</c>: reads one miner once and prints which API responded, the normalized sample as
/// JSON and each problem found. Exits 0 when the miner was read, 1 when it could not be.
/// </summary>
public static class ProbeCommand
{
    /// <summary>The environment variable that supplies the web API password when the configuration has none.</summary>
    public const string PasswordVariable = "FLEET_MINER_PASSWORD";

    /// <summary>The environment variable that supplies a web API key (sent as <c>x-api-key</c>).</summary>
    public const string ApiKeyVariable = "FLEET_MINER_API_KEY";

    /// <summary>Exit code for a miner that could not be read.</summary>
    public const int NotReadExitCode = 1;

    /// <summary>The contract's JSON, indented, with characters such as '+' written as they are for a terminal.</summary>
    private static readonly JsonSerializerOptions PrintOptions = new(TelemetryJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var host = new Argument<string>("host") { Description = "The miner's address: a host name or IP, optionally with the web API port (127.0.0.2:8080)." };
        var api = new Option<string>("--api") { Description = "The API to read: auto (detect), web or tcp.", DefaultValueFactory = _ => "auto" };
        api.AcceptOnlyFromAmong("auto", "web", "tcp");
        var tcpPort = new Option<int>("--tcp-port") { Description = "The TCP API port.", DefaultValueFactory = _ => 4028 };
        var timeout = new Option<double>("--timeout-seconds") { Description = "How long the read may take, in seconds.", DefaultValueFactory = _ => 15 };
        var saveRaw = new Option<DirectoryInfo?>("--save-raw")
        {
            Description = "Also save the miner's raw responses to this folder, in the layout the normalization tests read.",
        };

        var command = new Command(
            "probe",
            $"Read one miner and print the API that responded, the sample as JSON and each problem. The password and API key " +
            $"come from the miner's entry in the configuration file when it lists this host, else from {PasswordVariable} " +
            $"and {ApiKeyVariable}, else the firmware default.")
        {
            host, api, tcpPort, timeout, saveRaw,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var miner = ResolveMiner(
                parseResult.GetValue(host)!, parseResult.GetValue(api)!, parseResult.GetValue(tcpPort), parseResult.GetValue(RelayCommandLine.ConfigOption));
            return await RunAsync(
                miner, TimeSpan.FromSeconds(parseResult.GetValue(timeout)), parseResult.InvocationConfiguration.Output,
                parseResult.GetValue(saveRaw)?.FullName, cancellationToken);
        });
        return command;
    }

    /// <summary>Reads the miner, writes the report and, when a folder is given, saves the raw responses. Returns the exit code.</summary>
    public static async Task<int> RunAsync(
        MinerOptions miner, TimeSpan timeout, TextWriter output, string? rawFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miner);
        ArgumentNullException.ThrowIfNull(output);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        services.AddMinerReaders();
        services.AddSingleton<MinerRawCapture>();
        await using var provider = services.BuildServiceProvider();
        var reader = provider.GetRequiredService<IMinerReader>();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        MinerSample sample;
        try
        {
            sample = await reader.ReadAsync(miner, timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            sample = new MinerSample
            {
                MinerId = miner.Name,
                Host = miner.Host,
                CollectedAt = DateTimeOffset.UtcNow,
                Answered = false,
                Error = $"timed out after {timeout.TotalSeconds:0.#} s",
            };
        }

        await output.WriteLineAsync($"Miner: {miner.Host}");
        await output.WriteLineAsync($"API: {sample.Api ?? "none answered"}");
        await output.WriteLineAsync("Sample:");
        await output.WriteLineAsync(JsonSerializer.Serialize(sample, PrintOptions));

        var problems = MinerProbeReport.Problems(sample);
        await output.WriteLineAsync(problems.Count == 0 ? "Problems: none" : "Problems:");
        foreach (var problem in problems)
        {
            await output.WriteLineAsync($"  - {problem}");
        }

        if (rawFolder is not null && sample.Api is { } answeredApi)
        {
            using var captureTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            captureTimeout.CancelAfter(timeout);
            var capture = provider.GetRequiredService<MinerRawCapture>();
            foreach (var line in await capture.SaveAsync(miner, answeredApi, rawFolder, captureTimeout.Token))
            {
                await output.WriteLineAsync($"Raw {line}");
            }
        }

        return sample.Answered ? 0 : NotReadExitCode;
    }

    private static MinerOptions ResolveMiner(string host, string api, int tcpPort, string? configPath)
    {
        var configured = FindConfiguredMiner(host, configPath);
        return new MinerOptions
        {
            Name = configured?.Name ?? host,
            Host = host,
            Api = api == "auto" && configured is not null ? configured.Api : api,
            TcpPort = configured?.TcpPort ?? tcpPort,
            Password = configured?.Password ?? Environment.GetEnvironmentVariable(PasswordVariable),
            ApiKey = configured?.ApiKey ?? Environment.GetEnvironmentVariable(ApiKeyVariable),
        };
    }

    /// <summary>The configured miner with this host, when the configuration file exists and is valid.</summary>
    private static MinerOptions? FindConfiguredMiner(string host, string? configPath)
    {
        if (string.IsNullOrEmpty(configPath) || !File.Exists(configPath))
        {
            return null;
        }

        var (_, options, _) = ConfigurationCheck.Run(configPath);
        return options?.Miners.FirstOrDefault(m => string.Equals(m.Host.Trim(), host.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
