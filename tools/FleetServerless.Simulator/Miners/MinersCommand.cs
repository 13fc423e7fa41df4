using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetServerless.Simulator.Miners;

/// <summary>The <c>miners</c> command: starts a simulated fleet and serves it until Ctrl-C.</summary>
public static class MinersCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many miners to start.", DefaultValueFactory = _ => 12 };
        var kind = new Option<string>("--kind")
        {
            Description = "The miner kind: l7 (scrypt, MH/s), s19 (sha256d, GH/s) or l3plus (TCP API only).",
            DefaultValueFactory = _ => "l7",
        };
        kind.AcceptOnlyFromAmong("l7", "s19", "l3plus");
        var firmware = new Option<string>("--firmware") { Description = "The Vnish version the miners report; 1.3 and later serve /boards.", DefaultValueFactory = _ => "1.2.6" };
        var password = new Option<string>("--password") { Description = "The web API password the miners accept.", DefaultValueFactory = _ => "admin" };
        var tcp = new Option<bool>("--tcp") { Description = "Also serve the TCP API (port 4028 style) on a port per miner." };
        var delay = new Option<int>("--delay-ms") { Description = "Delay before every answer, in milliseconds.", DefaultValueFactory = _ => 0 };
        var tokenLifetime = new Option<int?>("--token-lifetime-seconds") { Description = "How long an unlock token stays valid, in seconds; tokens never expire by default." };
        var minersFile = new Option<FileInfo?>("--miners-file") { Description = "Write the relay's miner list (JSON, Relay:Miners) to this file." };

        var command = new Command("miners", "Start simulated Vnish miners on 127.0.0.1 and serve them until Ctrl-C.")
        {
            count, kind, firmware, password, tcp, delay, tokenLifetime, minersFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulatedFleetOptions
            {
                Count = parse.GetValue(count),
                Kind = ParseKind(parse.GetValue(kind)!),
                FirmwareVersion = parse.GetValue(firmware)!,
                Password = parse.GetValue(password)!,
                TcpApi = parse.GetValue(tcp),
                ResponseDelay = TimeSpan.FromMilliseconds(parse.GetValue(delay)),
                TokenLifetime = parse.GetValue(tokenLifetime) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            if (options.Count is < 1 or > 20_000)
            {
                await Console.Error.WriteLineAsync($"--count {options.Count} is out of range; use 1 to 20000.");
                return 2;
            }

            await using var fleet = await SimulatedFleet.StartAsync(options, cancellationToken: cancellationToken);
            PrintTable(fleet);
            if (parse.GetValue(minersFile) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, MinerListJson(fleet, options.Password), cancellationToken);
                Console.WriteLine($"Miner list written to {file.FullName}");
            }

            var total = fleet.Expected.Sum(e => e.HashrateRealtimeHps);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fleet.Miners.Count} miners, total realtime hashrate {total} H/s. Ctrl-C stops them."));
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: the fleet stops when it is disposed.
            }

            return 0;
        });
        return command;
    }

    private static SimulatedMinerKind ParseKind(string kind) => kind switch
    {
        "s19" => SimulatedMinerKind.Sha256S19,
        "l3plus" => SimulatedMinerKind.TcpOnlyL3Plus,
        _ => SimulatedMinerKind.ScryptL7,
    };

    private static void PrintTable(SimulatedFleet fleet)
    {
        Console.WriteLine($"{"NAME",-12} {"WEB",-22} {"TCP",-6} {"MAC",-18} {"MODEL",-18} HASHRATE");
        foreach (var e in fleet.Expected)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Name,-12} {e.Host,-22} {e.TcpPort?.ToString(CultureInfo.InvariantCulture) ?? "-",-6} {e.Mac ?? "-",-18} {e.Model,-18} {e.HashrateRealtime} {e.HashrateUnit}"));
        }
    }

    /// <summary>The miners in the relay's configuration shape, so the relay can be pointed at the fleet.</summary>
    private static string MinerListJson(SimulatedFleet fleet, string password)
    {
        var miners = new JsonArray();
        foreach (var miner in fleet.Miners)
        {
            var entry = new JsonObject { ["Name"] = miner.Name, ["Host"] = miner.Host, ["Password"] = password };
            if (miner.TcpPort is { } tcpPort)
            {
                entry["TcpPort"] = tcpPort;
            }

            if (miner.Kind == SimulatedMinerKind.TcpOnlyL3Plus)
            {
                entry["Api"] = "tcp";
            }

            miners.Add(entry);
        }

        var document = new JsonObject { ["Relay"] = new JsonObject { ["Miners"] = miners } };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
