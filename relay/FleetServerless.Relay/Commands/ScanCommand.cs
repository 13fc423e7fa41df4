using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetServerless.Relay.Miners;
using FleetServerless.Relay.Miners.Scanning;
using Microsoft.Extensions.DependencyInjection;

namespace FleetServerless.Relay.Commands;

/// <summary>
/// <c>scan &lt;CIDR or range&gt; [--ports 80,4028]</c>: finds miners on exactly the addresses given and prints them as a
/// table, and optionally as a <c>Relay:Miners</c> configuration snippet.
/// </summary>
public static class ScanCommand
{
    /// <summary>Exit code for an invalid range or port list.</summary>
    public const int InvalidArgumentExitCode = 2;

    public static Command Create()
    {
        var range = new Argument<string>("range") { Description = "The addresses to scan: a CIDR network (127.0.0.0/29), a range (127.0.0.1-127.0.0.20) or one address." };
        var ports = new Option<string>("--ports") { Description = "Comma-separated ports to try on each address.", DefaultValueFactory = _ => "80,4028" };
        var parallelism = new Option<int>("--parallelism") { Description = "How many probes run at once.", DefaultValueFactory = _ => 64 };
        var timeout = new Option<double>("--timeout-seconds") { Description = "How long each API attempt on one address and port may take, in seconds.", DefaultValueFactory = _ => 2 };
        var snippet = new Option<bool>("--config-snippet") { Description = "Also print the miners found as a Relay:Miners configuration snippet (JSON)." };

        var command = new Command("scan", "Find miners on the given addresses and print address, API, model, firmware and MAC.")
        {
            range, ports, parallelism, timeout, snippet,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            IReadOnlyList<System.Net.IPAddress> addresses;
            IReadOnlyList<int> portList;
            try
            {
                addresses = AddressRange.Parse(parseResult.GetValue(range)!);
                portList = ParsePorts(parseResult.GetValue(ports)!);
            }
            catch (FormatException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return InvalidArgumentExitCode;
            }

            var width = parseResult.GetValue(parallelism);
            if (width < 1)
            {
                await error.WriteLineAsync($"--parallelism {width} is invalid; use 1 or more.");
                return InvalidArgumentExitCode;
            }

            var findings = await RunAsync(addresses, portList, width, TimeSpan.FromSeconds(parseResult.GetValue(timeout)), cancellationToken);
            await WriteTableAsync(output, findings, addresses.Count, portList.Count);
            if (parseResult.GetValue(snippet))
            {
                await output.WriteLineAsync(ConfigurationSnippet(findings));
            }

            return 0;
        });
        return command;
    }

    public static async Task<IReadOnlyList<ScanFinding>> RunAsync(
        IReadOnlyList<System.Net.IPAddress> addresses, IReadOnlyList<int> ports, int parallelism, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMinerReaders();
        services.AddSingleton<MinerScanner>();
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<MinerScanner>().ScanAsync(addresses, ports, parallelism, timeout, cancellationToken);
    }

    /// <summary>Parses <c>80,4028</c>.</summary>
    /// <exception cref="FormatException">An entry is not a port from 1 to 65535.</exception>
    public static IReadOnlyList<int> ParsePorts(string text)
    {
        var ports = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new FormatException($"--ports: '{part}' is not a port from 1 to 65535; write the ports as 80,4028.");
            }

            ports.Add(port);
        }

        if (ports.Count == 0)
        {
            throw new FormatException("--ports is empty; write the ports as 80,4028.");
        }

        return ports.Distinct().ToArray();
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<ScanFinding> findings, int addressCount, int portCount)
    {
        await output.WriteLineAsync($"{"ADDRESS",-40} {"PORT",5} {"API",-12} {"MODEL",-20} {"FIRMWARE",-20} MAC");
        foreach (var finding in findings)
        {
            await output.WriteLineAsync(
                $"{finding.Address,-40} {finding.Port,5} {finding.Api,-12} {finding.Model ?? "-",-20} {finding.Firmware ?? "-",-20} {finding.Mac ?? "-"}");
        }

        await output.WriteLineAsync($"{findings.Count} miner APIs found on {addressCount} addresses × {portCount} ports.");
    }

    /// <summary>
    /// The findings as relay configuration: one miner per address and web port, with the TCP port attached when the
    /// same address also has a TCP API, and TCP-only miners set to <c>Api: tcp</c>.
    /// </summary>
    internal static string ConfigurationSnippet(IReadOnlyList<ScanFinding> findings)
    {
        var miners = new JsonArray();
        foreach (var group in findings.GroupBy(f => f.Address))
        {
            var tcp = group.FirstOrDefault(f => f.Api == MinerApis.CgminerTcp);
            var webs = group.Where(f => f.Api == MinerApis.VnishWeb).ToList();
            foreach (var web in webs)
            {
                var entry = new JsonObject
                {
                    ["Name"] = web.Hostname ?? $"miner-{web.Address}-{web.Port}",
                    ["Host"] = web.Port == 80 ? web.Address : $"{web.Address}:{web.Port}",
                };
                if (tcp is not null && webs.Count == 1)
                {
                    entry["TcpPort"] = tcp.Port;
                }

                miners.Add(entry);
            }

            if (webs.Count == 0 && tcp is not null)
            {
                miners.Add(new JsonObject
                {
                    ["Name"] = $"miner-{tcp.Address}",
                    ["Host"] = tcp.Address,
                    ["Api"] = "tcp",
                    ["TcpPort"] = tcp.Port,
                });
            }
        }

        var document = new JsonObject { ["Relay"] = new JsonObject { ["Miners"] = miners } };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
