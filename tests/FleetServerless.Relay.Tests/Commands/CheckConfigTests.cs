using System.Text.Json.Nodes;
using FleetServerless.Relay.Commands;
using FleetServerless.Relay.Tests.Support;

namespace FleetServerless.Relay.Tests.Commands;

public sealed class CheckConfigTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>A valid file; each bad case changes one thing in it.</summary>
    private static JsonObject ValidConfig() => new()
    {
        ["Relay"] = new JsonObject
        {
            ["SiteId"] = "site-1",
            ["RelayId"] = "relay-1",
            ["Miners"] = new JsonArray(
                new JsonObject { ["Name"] = "l7-01", ["Host"] = "127.0.0.2" },
                new JsonObject { ["Name"] = "l7-02", ["Host"] = "127.0.0.3:8080" }),
            ["Publisher"] = new JsonObject
            {
                ["Kind"] = "https",
                ["IngestUrl"] = "http://127.0.0.1:7071/api/ingest",
                ["FunctionKey"] = "key-for-check-config",
            },
        },
    };

    public static TheoryData<string, string> BadFiles => new()
    {
        { "site-id-missing", "Relay:SiteId is missing" },
        { "poll-interval-not-a-duration", "Relay:PollInterval" },
        { "poll-interval-too-short", "Relay:PollInterval 00:00:00.5000000 is out of range" },
        { "timeout-not-shorter", "Relay:MinerTimeout 00:01:00 is not shorter than Relay:PollInterval" },
        { "parallel-zero", "Relay:MaxParallelPolls 0 is out of range" },
        { "no-miners", "Relay:Miners is empty" },
        { "miner-host-missing", "Relay:Miners:1:Host is missing" },
        { "miner-host-url", "Relay:Miners:0:Host 'http://127.0.0.2' is not a valid address" },
        { "miner-outside-allowlist", "Relay:Miners:1:Host '127.0.0.3:8080' (127.0.0.3) is outside Relay:PollAllowlist" },
        { "allowlist-invalid", "Relay:PollAllowlist:0 '127.0.0.0/33' is not a network in CIDR notation" },
        { "duplicate-miner-name", "Relay:Miners:1:Name 'l7-01' is used by another miner" },
        { "tcp-port-out-of-range", "Relay:Miners:0:TcpPort is invalid" },
        { "publisher-kind-unknown", "Relay:Publisher:Kind 'mqtt' is invalid" },
        { "function-key-missing", "Relay:Publisher:FunctionKey is missing" },
        { "ingest-url-http-remote", "uses http to a host that is not loopback" },
        { "eventhubs-both-connections", "Relay:Publisher:EventHubs: set exactly one of ConnectionString" },
        { "outbox-too-small", "Relay:Outbox:MaxSizeBytes 1000 is too small" },
        { "no-relay-section", "has no \"Relay\" section" },
        { "invalid-json", "is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFile_OneMessageAndNonZeroExit(string name, string expected)
    {
        var path = WriteBadFile(name);
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await RelayCommandLine.InvokeAsync(["check-config", path], output, error);

        var problems = ProblemLines(error.ToString());
        Assert.Equal(RelayCommandLine.InvalidConfigurationExitCode, exitCode);
        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task MissingFile_NamesPathAndFix()
    {
        var path = _directory.File("absent.json");
        var error = new StringWriter();

        var exitCode = await RelayCommandLine.InvokeAsync(["check-config", path], new StringWriter(), error);

        Assert.Equal(RelayCommandLine.InvalidConfigurationExitCode, exitCode);
        var problem = Assert.Single(ProblemLines(error.ToString()));
        Assert.Contains(path, problem);
        Assert.Contains("--config", problem);
    }

    [Fact]
    public async Task ValidFile_ExitsZero()
    {
        var path = _directory.File("relay.json");
        File.WriteAllText(path, ValidConfig().ToJsonString());
        var output = new StringWriter();

        var exitCode = await RelayCommandLine.InvokeAsync(["check-config", path], output, new StringWriter());

        Assert.Equal(0, exitCode);
        Assert.Contains("is valid", output.ToString());
    }

    [Fact]
    public async Task ConfigOption_IsUsedWithoutArgument()
    {
        var path = WriteBadFile("site-id-missing");
        var error = new StringWriter();

        var exitCode = await RelayCommandLine.InvokeAsync(["check-config", "--config", path], new StringWriter(), error);

        Assert.Equal(RelayCommandLine.InvalidConfigurationExitCode, exitCode);
        Assert.Contains("Relay:SiteId is missing", error.ToString());
    }

    [Fact]
    public async Task Secrets_NeverPrinted()
    {
        var config = ValidConfig();
        config["Relay"]!["Publisher"]!["IngestUrl"] = "https://fleet.example/api/ingest?code=secret-in-query-9d1";
        config["Relay"]!["Miners"]![0]!["Password"] = "miner-password-7c2";
        var path = _directory.File("relay.json");
        File.WriteAllText(path, config.ToJsonString());
        var error = new StringWriter();

        await RelayCommandLine.InvokeAsync(["check-config", path], new StringWriter(), error);

        Assert.Contains("Relay:Publisher:IngestUrl", error.ToString());
        Assert.DoesNotContain("secret-in-query-9d1", error.ToString());
        Assert.DoesNotContain("miner-password-7c2", error.ToString());
    }

    [Fact]
    public async Task RunCommand_BadFile_ExitsWithSameMessage()
    {
        var path = WriteBadFile("function-key-missing");
        var error = new StringWriter();

        var exitCode = await RelayCommandLine.InvokeAsync(["run", "--config", path], new StringWriter(), error);

        Assert.Equal(RelayCommandLine.InvalidConfigurationExitCode, exitCode);
        Assert.Contains("Relay:Publisher:FunctionKey is missing", Assert.Single(ProblemLines(error.ToString())));
    }

    [Fact]
    public async Task CheckConfig_RealProcess_ExitsNonZero()
    {
        Assert.SkipUnless(File.Exists(RelayProcess.RelayDllPath), $"The relay was not built ({RelayProcess.RelayDllPath}).");
        var path = WriteBadFile("no-miners");
        using var relay = RelayProcess.Start("check-config", path);

        var exitCode = await relay.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(RelayCommandLine.InvalidConfigurationExitCode, exitCode);
        Assert.Contains("Relay:Miners is empty", relay.Output);
    }

    private static List<string> ProblemLines(string error) =>
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.EndsWith("is invalid:", StringComparison.Ordinal))
            .ToList();

    private string WriteBadFile(string name)
    {
        var path = _directory.File(name + ".json");
        if (name == "invalid-json")
        {
            File.WriteAllText(path, "{ \"Relay\": { \"SiteId\": \"site-1\", } ");
            return path;
        }

        var config = ValidConfig();
        var relay = config["Relay"]!.AsObject();
        var miners = relay["Miners"]!.AsArray();
        var publisher = relay["Publisher"]!.AsObject();
        switch (name)
        {
            case "site-id-missing": relay.Remove("SiteId"); break;
            case "poll-interval-not-a-duration": relay["PollInterval"] = "thirty seconds"; break;
            case "poll-interval-too-short": relay["PollInterval"] = "00:00:00.5"; relay["MinerTimeout"] = "00:00:00.2"; break;
            case "timeout-not-shorter": relay["PollInterval"] = "00:01:00"; relay["MinerTimeout"] = "00:01:00"; break;
            case "parallel-zero": relay["MaxParallelPolls"] = 0; break;
            case "no-miners": relay["Miners"] = new JsonArray(); break;
            case "miner-host-missing": miners[1]!.AsObject().Remove("Host"); break;
            case "miner-host-url": miners[0]!["Host"] = "http://127.0.0.2"; break;
            case "miner-outside-allowlist": relay["PollAllowlist"] = new JsonArray("127.0.0.2/32"); break;
            case "allowlist-invalid": relay["PollAllowlist"] = new JsonArray("127.0.0.0/33"); break;
            case "duplicate-miner-name": miners[1]!["Name"] = "l7-01"; break;
            case "tcp-port-out-of-range": miners[0]!["TcpPort"] = 70000; break;
            case "publisher-kind-unknown": publisher["Kind"] = "mqtt"; break;
            case "function-key-missing": publisher.Remove("FunctionKey"); break;
            case "ingest-url-http-remote": publisher["IngestUrl"] = "http://fleet.example/api/ingest"; break;
            case "eventhubs-both-connections":
                publisher["Kind"] = "eventhubs";
                publisher["EventHubs"] = new JsonObject
                {
                    ["ConnectionString"] = "Endpoint=sb://fleet.example/;SharedAccessKeyName=send;SharedAccessKey=x;EntityPath=telemetry",
                    ["FullyQualifiedNamespace"] = "fleet.example",
                };
                break;
            case "outbox-too-small": relay["Outbox"] = new JsonObject { ["MaxSizeBytes"] = 1000 }; break;
            case "no-relay-section": config.Remove("Relay"); config["relay-settings"] = relay.DeepClone(); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "unknown bad file");
        }

        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}
