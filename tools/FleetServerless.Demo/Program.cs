using System.CommandLine;
using FleetServerless.Demo;

var miners = new Option<int>("--miners")
{
    Description = "Simulated miners to start (1 to 600).",
    DefaultValueFactory = _ => 12,
};
var pollSeconds = new Option<int>("--poll-interval-seconds")
{
    Description = "The relay's poll interval in seconds (5 to 300).",
    DefaultValueFactory = _ => 10,
};
var pool = new Option<string>("--pool")
{
    Description = "Pool provider to read, simulated on loopback: none (network estimate only), prohashing or viabtc.",
    DefaultValueFactory = _ => "none",
};
pool.AcceptOnlyFromAmong("none", "prohashing", "viabtc");
var exitWhenReady = new Option<bool>("--exit-when-ready")
{
    Description = "Exit 0 as soon as the fleet API shows every simulated miner mining (exit 1 after 2 minutes without); for smoke tests.",
};

var root = new RootCommand(
    "Runs FleetServerless end to end on loopback: Azurite, a simulated fleet of Vnish miners, the relay and the DevHost.")
{
    miners,
    pollSeconds,
    pool,
    exitWhenReady,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var interval = TimeSpan.FromSeconds(parse.GetValue(pollSeconds));
    var options = new DemoOptions
    {
        MinerCount = parse.GetValue(miners),
        PollInterval = interval,
        PoolProvider = parse.GetValue(pool) ?? "none",

        // The relay requires the miner timeout to be shorter than the poll interval.
        MinerTimeout = TimeSpan.FromSeconds(Math.Min(5, interval.TotalSeconds / 2)),
    };
    return await DemoRunner.RunAsync(options, parse.GetValue(exitWhenReady), Console.Out, cancellationToken);
});

// The demo stops on Ctrl-C and SIGTERM itself (DemoRunner), so the command line library must not end the process.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
