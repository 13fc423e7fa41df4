using System.CommandLine;
using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Commands;

/// <summary>The relay's command line: the root command and the options its subcommands share.</summary>
public static class RelayCommandLine
{
    /// <summary>Exit code for invalid configuration.</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary><c>--config</c>: the path of relay.json, shared by every subcommand.</summary>
    public static Option<string> ConfigOption { get; } = new("--config", "-c")
    {
        Description = "Path of the relay's configuration file (default: relay.json next to the executable).",
        DefaultValueFactory = _ => RelayConfigurationFile.DefaultPath,
        Recursive = true,
    };

    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("FleetServerless relay: polls the mine's miners and forwards their telemetry to the cloud side.");
        root.Options.Add(ConfigOption);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CheckConfigCommand.Create());
        root.Subcommands.Add(ProbeCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Ctrl-C and SIGTERM are left to the host, which stops the relay
    /// gracefully, rather than to the command line library's short termination timeout.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        return Create().Parse(args).InvokeAsync(configuration);
    }
}
