using System.CommandLine;
using FleetServerless.Relay.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FleetServerless.Relay.Commands;

/// <summary><c>run</c>: runs the relay until Ctrl-C, SIGTERM or a service stop.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the relay: poll the miners on the configured interval and forward every batch.");
        command.SetAction(async parseResult =>
        {
            var path = parseResult.GetValue(RelayCommandLine.ConfigOption)!;
            var error = parseResult.InvocationConfiguration.Error;

            // The same checks as check-config, so a bad file gives the same messages and no stack trace.
            var (configuration, _, problems) = ConfigurationCheck.Run(path);
            if (problems.Count > 0)
            {
                ConfigurationCheck.WriteProblems(error, path, problems);
                return RelayCommandLine.InvalidConfigurationExitCode;
            }

            try
            {
                using var host = RelayHost.CreateBuilder(configuration!, parseResult.UnmatchedTokens.ToArray()).Build();
                await host.RunAsync();
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                ConfigurationCheck.WriteProblems(error, path, ex.Failures.ToList());
                return RelayCommandLine.InvalidConfigurationExitCode;
            }
        });
        return command;
    }
}
