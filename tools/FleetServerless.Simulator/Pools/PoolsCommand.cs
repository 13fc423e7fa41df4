using System.CommandLine;
using System.Globalization;

namespace FleetServerless.Simulator.Pools;

/// <summary>The <c>pools</c> command: starts the simulated pools and profitability sources and serves them until Ctrl-C.</summary>
public static class PoolsCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to listen on; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var count = new Option<int>("--count") { Description = "Workers the pools report, matching the simulated miners.", DefaultValueFactory = _ => 12 };
        var prefix = new Option<string>("--worker-prefix") { Description = "Worker names: this prefix and a number (sim-01).", DefaultValueFactory = _ => "sim-" };
        var account = new Option<string>("--account") { Description = "The pool account, the part before the dot in account.worker.", DefaultValueFactory = _ => "acct" };
        var hashrate = new Option<double>("--hashrate-ghs") { Description = "Hashrate the pools credit each worker, in GH/s.", DefaultValueFactory = _ => 9.5 };
        var fault = new Option<string[]>("--fault")
        {
            Description = "A fault to start with, as source=fault (viabtc=IpNotAllowed, blockchair=Throttle); repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };

        var command = new Command("pools", "Start simulated Prohashing (WAMP, REST, proxy), ViaBTC, Blockchair, CoinGecko and WhatToMine on 127.0.0.1.")
        {
            port, count, prefix, account, hashrate, fault,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workers = parse.GetValue(count);
            if (workers is < 0 or > 20_000)
            {
                await Console.Error.WriteLineAsync($"--count {workers} is out of range; use 0 to 20000.");
                return 2;
            }

            var settings = PoolSimulatorSettings.ForFleet(workers, parse.GetValue(prefix)!, parse.GetValue(account)!, parse.GetValue(hashrate) * 1e9) with
            {
                Port = parse.GetValue(port),
            };
            await using var simulator = await PoolSimulator.StartAsync(settings);
            foreach (var entry in parse.GetValue(fault) ?? [])
            {
                if (!TryApplyFault(simulator, entry, out var error))
                {
                    await Console.Error.WriteLineAsync(error);
                    return 2;
                }
            }

            PrintAddresses(simulator);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: the simulator stops when it is disposed.
            }

            return 0;
        });
        return command;
    }

    private static bool TryApplyFault(PoolSimulator simulator, string entry, out string error)
    {
        error = "";
        var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Enum.TryParse<SimulatedFault>(parts[1], ignoreCase: true, out var fault) || !SimulatedSource.All.Contains(parts[0]))
        {
            error = $"--fault '{entry}' is invalid. Use source=fault with a source from {string.Join(", ", SimulatedSource.All)} " +
                $"and a fault from {string.Join(", ", Enum.GetNames<SimulatedFault>())}.";
            return false;
        }

        simulator.SetFault(parts[0], fault);
        return true;
    }

    private static void PrintAddresses(PoolSimulator simulator)
    {
        var settings = simulator.Settings;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pool simulator on {simulator.BaseUrl} with {settings.Workers.Count} workers. Settings for the cloud side:"));
        Console.WriteLine($"  Pools__Prohashing__WampUrl={simulator.WampUrl}");
        Console.WriteLine($"  Pools__Prohashing__RestBaseUrl={simulator.ProhashingRestUrl}");
        Console.WriteLine($"  Pools__Prohashing__ProxyBaseUrl={simulator.ProxyUrl}");
        Console.WriteLine($"  Pools__Prohashing__ApiKey={settings.ProhashingApiKey}");
        Console.WriteLine($"  Pools__ViaBtc__BaseUrl={simulator.ViaBtcUrl}");
        Console.WriteLine($"  Pools__ViaBtc__ApiKey={settings.ViaBtcApiKey}");
        Console.WriteLine($"  Profitability__Network__BlockchairBaseUrl={simulator.BlockchairUrl}");
        Console.WriteLine($"  Profitability__Network__CoinGeckoBaseUrl={simulator.CoinGeckoUrl}");
        Console.WriteLine($"  Profitability__Network__WhatToMineBaseUrl={simulator.WhatToMineUrl}");
        Console.WriteLine("Ctrl-C stops it.");
    }
}
