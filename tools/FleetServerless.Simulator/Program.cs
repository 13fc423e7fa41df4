using System.CommandLine;
using FleetServerless.Simulator.Miners;
using FleetServerless.Simulator.Pools;

// fleet-simulator: simulated miners (and pools) on loopback for the demo and for manual tests.
var root = new RootCommand("Simulated Vnish miners and pools on 127.0.0.1, for the FleetServerless demo and tests.");
root.Subcommands.Add(MinersCommand.Create());
root.Subcommands.Add(PoolsCommand.Create());
return await root.Parse(args).InvokeAsync();
