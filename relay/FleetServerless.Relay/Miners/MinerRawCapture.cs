using System.Text;
using System.Text.Json;
using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Saves a miner's raw API responses to a folder, in the file layout the normalization tests read: <c>info.json</c>,
/// <c>status.json</c>, <c>summary.json</c>, <c>chains.json</c> or <c>boards.json</c> and <c>perf-summary.json</c> for
/// the web API, or <c>summary.json</c>, <c>stats.json</c> and <c>pools.json</c> for the TCP API.
/// </summary>
/// <remarks>Web bodies are saved as the miner sent them once they parse as JSON; TCP replies are saved after repair.</remarks>
public sealed class MinerRawCapture(VnishWebClient webClient, CgminerTcpClient tcpClient)
{
    /// <summary>Saves every response that could be read and returns one line per file or failure.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(MinerOptions miner, string api, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miner);
        Directory.CreateDirectory(folder);
        var endpoint = MinerEndpoint.From(miner);
        var lines = new List<string>();
        if (api == MinerApis.CgminerTcp)
        {
            foreach (var command in new[] { "summary", "stats", "pools" })
            {
                await SaveAsync(folder, command, lines, async () =>
                {
                    var (json, _) = CgminerJsonRepair.Repair(await tcpClient.SendAsync(endpoint.TcpHost, endpoint.TcpPort, command, cancellationToken));
                    return json;
                });
            }

            return lines;
        }

        string? firmwareVersion = null;
        await SaveAsync(folder, "info", lines, async () =>
        {
            using var info = await webClient.GetAsync(endpoint, "info", cancellationToken);
            firmwareVersion = JsonFields.Property(info.Body?.RootElement, "fw_version")?.ToString();
            return BodyText(info, "info");
        });

        var boards = FirmwareLines.FromVersion(firmwareVersion) == FirmwareLine.Vnish13 ? "boards" : "chains";
        foreach (var path in new[] { "status", boards, "perf-summary" })
        {
            await SaveAsync(folder, path, lines, async () =>
            {
                using var response = await webClient.GetAsync(endpoint, path, cancellationToken);
                return BodyText(response, path);
            });
        }

        await SaveAsync(folder, "summary", lines, async () =>
        {
            var problems = new List<string>();
            using var summary = await webClient.GetAuthenticatedAsync(miner, endpoint, "summary", problems, cancellationToken);
            return BodyText(summary, "summary");
        });

        return lines;
    }

    private static string BodyText(VnishResponse response, string path) =>
        response.Body?.RootElement.GetRawText() ?? throw new HttpRequestException($"/api/v1/{path} returned HTTP {(int)response.Status}.");

    private static async Task SaveAsync(string folder, string name, List<string> lines, Func<Task<string>> read)
    {
        var file = Path.Combine(folder, name + ".json");
        try
        {
            var text = await read();
            if (text.Length == 0)
            {
                lines.Add($"{name}: empty reply, nothing saved.");
                return;
            }

            await File.WriteAllTextAsync(file, text, Encoding.UTF8);
            lines.Add($"{name}: saved to {file}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or System.Net.Sockets.SocketException)
        {
            lines.Add($"{name}: not saved, {FailedSamples.Describe(ex)}.");
        }
    }
}
