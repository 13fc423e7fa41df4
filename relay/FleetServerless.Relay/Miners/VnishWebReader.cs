using System.Net;
using System.Text.Json;
using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Reads a miner through the Vnish web API: <c>/info</c> first (no auth; it names the firmware line and the
/// hashrate unit), then <c>/status</c>, <c>/summary</c> (with credentials), the board endpoint of the firmware line
/// (<c>/chains</c> for 1.2.x, <c>/boards</c> for 1.3.x) and <c>/perf-summary</c>, in parallel.
/// </summary>
public sealed class VnishWebReader(VnishWebClient client, TimeProvider timeProvider)
{
    /// <summary>
    /// Reads the miner. Miner-side failures (unreachable, reset, timed out, invalid JSON) give a failed sample; when the
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
            return new(FailedSamples.Create(miner, knownMinerId, MinerApis.VnishWeb, ex.Message, timeProvider.GetUtcNow()), ApiAbsent: false);
        }

        JsonDocument? info;
        try
        {
            var response = await client.GetAsync(endpoint, "info", cancellationToken);
            if (!response.IsSuccess || !LooksLikeVnishInfo(response.Body))
            {
                response.Dispose();
                var reason = response.IsSuccess ? "answered without fw_name" : $"answered HTTP {(int)response.Status}";
                return new(Failed(miner, knownMinerId, $"web API not found: /api/v1/info {reason}."), ApiAbsent: true);
            }

            info = response.Body!;
        }
        catch (Exception ex) when (IsMinerSideFailure(ex, cancellationToken))
        {
            // Refused connections, and an open circuit breaker after them, mean no web API listens on this port.
            var absent = ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } or Polly.CircuitBreaker.BrokenCircuitException;
            return new(Failed(miner, knownMinerId, "web API: " + FailedSamples.Describe(ex)), absent);
        }

        using (info)
        {
            var problems = new List<string>();
            var line = FirmwareLines.FromVersion(JsonFields.Property(info.RootElement, "fw_version")?.ToString());
            var boardsPath = line == FirmwareLine.Vnish13 ? "boards" : "chains";

            var status = ReadOptionalAsync(endpoint, "status", problems, cancellationToken);
            var summary = ReadSummaryAsync(miner, endpoint, problems, cancellationToken);
            var boards = ReadOptionalAsync(endpoint, boardsPath, problems, cancellationToken);
            var perf = ReadOptionalAsync(endpoint, "perf-summary", problems, cancellationToken);
            await Task.WhenAll(status, summary, boards, perf);

            using var statusDocument = status.Result;
            using var summaryDocument = summary.Result;
            using var boardsDocument = boards.Result;
            using var perfDocument = perf.Result;
            var documents = new VnishDocuments
            {
                Info = info.RootElement,
                Status = statusDocument?.RootElement,
                Summary = summaryDocument?.RootElement,
                Boards = boardsDocument?.RootElement,
                PerfSummary = perfDocument?.RootElement,
            };

            lock (problems)
            {
                var sample = VnishNormalizer.Normalize(miner, documents, timeProvider.GetUtcNow(), problems.ToArray());
                if (summaryDocument is null)
                {
                    sample = sample with { Error = problems.FirstOrDefault(p => p.StartsWith("summary", StringComparison.Ordinal) || p.StartsWith("web API auth", StringComparison.Ordinal)) };
                }

                return new(sample, ApiAbsent: false);
            }
        }
    }

    private async Task<JsonDocument?> ReadSummaryAsync(MinerOptions miner, MinerEndpoint endpoint, List<string> problems, CancellationToken cancellationToken)
    {
        var authProblems = new List<string>();
        try
        {
            var response = await client.GetAuthenticatedAsync(miner, endpoint, "summary", authProblems, cancellationToken);
            if (response.IsSuccess)
            {
                return response.Body;
            }

            authProblems.Add(response.Status == HttpStatusCode.Unauthorized
                ? "summary: not read, the miner requires authentication (HTTP 401)."
                : $"summary: not read, HTTP {(int)response.Status}.");
            return null;
        }
        catch (Exception ex) when (IsMinerSideFailure(ex, cancellationToken))
        {
            authProblems.Add("summary: not read, " + FailedSamples.Describe(ex) + ".");
            return null;
        }
        finally
        {
            lock (problems)
            {
                problems.AddRange(authProblems);
            }
        }
    }

    private async Task<JsonDocument?> ReadOptionalAsync(MinerEndpoint endpoint, string path, List<string> problems, CancellationToken cancellationToken)
    {
        string problem;
        try
        {
            var response = await client.GetAsync(endpoint, path, cancellationToken);
            if (response.IsSuccess)
            {
                return response.Body;
            }

            problem = $"{path}: not read, HTTP {(int)response.Status}.";
        }
        catch (Exception ex) when (IsMinerSideFailure(ex, cancellationToken))
        {
            problem = $"{path}: not read, {FailedSamples.Describe(ex)}.";
        }

        lock (problems)
        {
            problems.Add(problem);
        }

        return null;
    }

    private static bool LooksLikeVnishInfo(JsonDocument? body) =>
        body?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("fw_name", out _);

    private MinerSample Failed(MinerOptions miner, string minerId, string error) =>
        FailedSamples.Create(miner, minerId, MinerApis.VnishWeb, error, timeProvider.GetUtcNow());

    /// <summary>Whether an exception is the miner's failure (unreachable, reset, slow, bad JSON) rather than the caller cancelling.</summary>
    internal static bool IsMinerSideFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or JsonException or IOException or TaskCanceledException or TimeoutException
            or System.Net.Sockets.SocketException or Polly.ExecutionRejectedException;
}
