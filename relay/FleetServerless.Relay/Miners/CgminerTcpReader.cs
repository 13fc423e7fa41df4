using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Reads a miner through the CGMiner-style TCP API: <c>summary+stats+pools</c> in one connection where the miner
/// accepts combined commands, else one command per connection (remembered per miner). Replies are repaired with
/// <see cref="CgminerJsonRepair"/> before they are parsed.
/// </summary>
public sealed class CgminerTcpReader(CgminerTcpClient client, TimeProvider timeProvider, ILogger<CgminerTcpReader> logger)
{
    private static readonly string[] Commands = ["summary", "stats", "pools"];

    private readonly ConcurrentDictionary<string, bool> _rejectsCombined = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the miner. Miner-side failures (refused, reset, empty or unrepairable replies) give a failed sample; when the
    /// caller's token is cancelled the read throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<MinerSample> ReadAsync(MinerOptions miner, CancellationToken cancellationToken) =>
        (await ReadOutcomeAsync(miner, miner.Name, cancellationToken)).Sample;

    internal async Task<MinerReadOutcome> ReadOutcomeAsync(MinerOptions miner, string knownMinerId, CancellationToken cancellationToken)
    {
        MinerEndpoint endpoint;
        try
        {
            endpoint = MinerEndpoint.From(miner);
        }
        catch (FormatException ex)
        {
            return new(FailedSamples.Create(miner, knownMinerId, MinerApis.CgminerTcp, ex.Message, timeProvider.GetUtcNow()), ApiAbsent: false);
        }

        var problems = new List<string>();
        var replies = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var documents = new List<JsonDocument>();
        try
        {
            var key = miner.Name + "\n" + miner.Host;
            if (!_rejectsCombined.ContainsKey(key)
                && !await TryReadCombinedAsync(endpoint, replies, documents, problems, cancellationToken))
            {
                if (_rejectsCombined.TryAdd(key, true))
                {
                    MinerLog.CombinedCommandsRejected(logger, miner.Name, miner.Host);
                }
            }

            if (replies.Count == 0)
            {
                foreach (var command in Commands)
                {
                    await ReadSingleAsync(endpoint, command, replies, documents, problems, cancellationToken);
                }
            }

            if (replies.Count == 0)
            {
                var error = "TCP API: " + (problems.FirstOrDefault() ?? "no reply");
                return new(FailedSamples.Create(miner, knownMinerId, MinerApis.CgminerTcp, error, timeProvider.GetUtcNow()), ApiAbsent: true);
            }

            var sample = CgminerNormalizer.Normalize(miner, new CgminerReplies
            {
                Summary = replies.TryGetValue("summary", out var summary) ? summary : null,
                Stats = replies.TryGetValue("stats", out var stats) ? stats : null,
                Pools = replies.TryGetValue("pools", out var pools) ? pools : null,
            }, timeProvider.GetUtcNow(), problems);
            return new(sample, ApiAbsent: false);
        }
        catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken))
        {
            var error = "TCP API: " + FailedSamples.Describe(ex);
            return new(FailedSamples.Create(miner, knownMinerId, MinerApis.CgminerTcp, error, timeProvider.GetUtcNow()), ApiAbsent: true);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    /// <summary>Sends the combined command; returns false when the miner rejected <c>+</c>.</summary>
    private async Task<bool> TryReadCombinedAsync(
        MinerEndpoint endpoint, Dictionary<string, JsonElement> replies, List<JsonDocument> documents, List<string> problems, CancellationToken cancellationToken)
    {
        var text = await client.SendAsync(endpoint.TcpHost, endpoint.TcpPort, string.Join('+', Commands), cancellationToken);
        var root = Parse(text, "summary+stats+pools", documents, problems);
        if (root is null)
        {
            // An unreadable combined reply is not a rejection of '+': the single commands are tried for this read.
            return true;
        }

        if (IsErrorReply(root.Value))
        {
            return false;
        }

        foreach (var command in Commands)
        {
            // Each part is an array holding the single command's reply.
            if (JsonFields.Property(root, command) is { ValueKind: JsonValueKind.Array } part && part.GetArrayLength() > 0)
            {
                replies[command] = part[0];
            }
            else
            {
                problems.Add($"{command}: missing from the combined reply.");
            }
        }

        return true;
    }

    private async Task ReadSingleAsync(
        MinerEndpoint endpoint, string command, Dictionary<string, JsonElement> replies, List<JsonDocument> documents, List<string> problems,
        CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await client.SendAsync(endpoint.TcpHost, endpoint.TcpPort, command, cancellationToken);
        }
        catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken) && replies.Count > 0)
        {
            problems.Add($"{command}: not read, {FailedSamples.Describe(ex)}.");
            return;
        }

        if (Parse(text, command, documents, problems) is { } root)
        {
            if (IsErrorReply(root))
            {
                problems.Add($"{command}: the miner answered with an error status.");
                return;
            }

            replies[command] = root;
        }
    }

    private static JsonElement? Parse(string text, string command, List<JsonDocument> documents, List<string> problems)
    {
        var (json, repairs) = CgminerJsonRepair.Repair(text);
        if (json.Length == 0)
        {
            problems.Add($"{command}: empty reply.");
            return null;
        }

        foreach (var repair in repairs)
        {
            problems.Add($"{command}: {repair}.");
        }

        try
        {
            var document = JsonDocument.Parse(json);
            documents.Add(document);
            return document.RootElement;
        }
        catch (JsonException ex)
        {
            problems.Add($"{command}: invalid JSON that could not be repaired ({ex.Message}).");
            return null;
        }
    }

    /// <summary>Whether a reply's <c>STATUS[0].STATUS</c> is <c>E</c> or <c>F</c>; <c>S</c>, <c>I</c> and <c>W</c> carry data.</summary>
    private static bool IsErrorReply(JsonElement root)
    {
        if (JsonFields.Property(root, "STATUS") is not { ValueKind: JsonValueKind.Array } status || status.GetArrayLength() == 0)
        {
            return false;
        }

        var code = JsonFields.Property(status[0], "STATUS")?.ToString();
        return code is "E" or "F";
    }

    private static bool IsConnectionFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception is SocketException or IOException or OperationCanceledException;
}
