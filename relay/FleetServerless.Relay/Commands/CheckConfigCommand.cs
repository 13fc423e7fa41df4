using System.CommandLine;

namespace FleetServerless.Relay.Commands;

/// <summary><c>check-config [file]</c>: validates a configuration file as <c>run</c> would, without polling.</summary>
public static class CheckConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file")
        {
            Description = "The configuration file to check (default: the --config path).",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("check-config", "Validate a configuration file and exit non-zero with each problem when it is invalid.");
        command.Arguments.Add(file);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file) ?? parseResult.GetValue(RelayCommandLine.ConfigOption)!;
            var (_, options, problems) = ConfigurationCheck.Run(path);
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;

            if (problems.Count > 0)
            {
                ConfigurationCheck.WriteProblems(error, path, problems);
                return RelayCommandLine.InvalidConfigurationExitCode;
            }

            output.WriteLine(
                $"Configuration '{Path.GetFullPath(path)}' is valid: site {options!.SiteId}, relay {options.RelayId}, " +
                $"{options.Miners.Count} miners every {options.PollInterval}, publisher {options.Publisher.Kind}.");
            return 0;
        });
        return command;
    }
}
