using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace FleetServerless.Relay.Miners.Scanning;

/// <summary>
/// Finds miner APIs on the addresses and ports it is given: on each port, the Vnish web API (<c>/api/v1/info</c>
/// with <c>fw_name</c>) and a CGMiner-style TCP API (<c>stats</c>), the TCP API first on port 4028. Runs at most
/// <c>parallelism</c> probes at a time; each API attempt on an address and port is bounded by the timeout.
/// </summary>
public sealed class MinerScanner(IHttpClientFactory httpClientFactory, CgminerTcpClient tcpClient)
{
    public async Task<IReadOnlyList<ScanFinding>> ScanAsync(
        IReadOnlyList<IPAddress> addresses, IReadOnlyList<int> ports, int parallelism, TimeSpan timeoutPerProbe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);

        var targets = addresses.SelectMany(a => ports.Select(p => (Address: a, Port: p))).ToArray();
        var findings = new ScanFinding?[targets.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, targets.Length),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var (address, port) = targets[index];
                var tcpFirst = port == 4028;
                findings[index] = await AttemptAsync(tcpFirst, address, port, timeoutPerProbe, token)
                    ?? await AttemptAsync(!tcpFirst, address, port, timeoutPerProbe, token);
            });

        return findings.OfType<ScanFinding>().ToArray();
    }

    private async Task<ScanFinding?> AttemptAsync(bool tcp, IPAddress address, int port, TimeSpan timeoutPerProbe, CancellationToken scan)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(scan);
        timeout.CancelAfter(timeoutPerProbe);
        try
        {
            return tcp ? await ProbeTcpAsync(address, port, timeout.Token) : await ProbeWebAsync(address, port, timeout.Token);
        }
        catch (Exception ex) when (!scan.IsCancellationRequested && ex is HttpRequestException or SocketException or IOException or OperationCanceledException or JsonException)
        {
            return null;
        }
    }

    private async Task<ScanFinding?> ProbeWebAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        var client = httpClientFactory.CreateClient(MinerHttpClients.VnishWeb);
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/api/v1/info"));
        using var response = await client.GetAsync(uri, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("fw_name", out _))
        {
            return null;
        }

        var network = JsonFields.Property(JsonFields.Property(root, "system"), "network_status");
        var firmwareName = JsonFields.Property(root, "fw_name")?.ToString();
        var firmwareVersion = JsonFields.Property(root, "fw_version")?.ToString();
        return new ScanFinding
        {
            Address = address.ToString(),
            Port = port,
            Api = MinerApis.VnishWeb,
            Model = JsonFields.Property(root, "miner")?.ToString(),
            Firmware = $"{firmwareName} {firmwareVersion}".Trim(),
            Mac = JsonFields.Property(network, "mac")?.ToString(),
            Hostname = JsonFields.Property(network, "hostname")?.ToString(),
        };
    }

    private async Task<ScanFinding?> ProbeTcpAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var reply = await tcpClient.SendAsync(address.ToString(), port, "stats", cancellationToken);
        var (json, _) = CgminerJsonRepair.Repair(reply);
        if (json.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var stats = JsonFields.Property(document.RootElement, "STATS");
        if (stats is not { ValueKind: JsonValueKind.Array } entries)
        {
            return null;
        }

        var type = entries.EnumerateArray().Select(e => JsonFields.Property(e, "Type")?.ToString()).FirstOrDefault(t => t is not null);
        var (model, firmware) = MinerTypeText.Parse(type);
        return new ScanFinding
        {
            Address = address.ToString(),
            Port = port,
            Api = MinerApis.CgminerTcp,
            Model = model,
            Firmware = firmware,
        };
    }
}
