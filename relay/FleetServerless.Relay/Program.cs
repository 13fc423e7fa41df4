using FleetServerless.Relay.Commands;

// Subcommands are registered in RelayCommandLine.Create, one line each.
return await RelayCommandLine.InvokeAsync(args);
