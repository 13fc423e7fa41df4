using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Simulator.Miners;

/// <summary>
/// Serves the Vnish web API of every miner of a fleet from one web host: the miner is the one that owns the
/// local port the request arrived on.
/// </summary>
internal sealed class VnishWebApi(IReadOnlyDictionary<int, SimulatedMiner> minersByPort, CancellationToken stopping)
{
    private const string ApiPrefix = "/api/v1";

    public async Task HandleAsync(HttpContext context)
    {
        if (!minersByPort.TryGetValue(context.Connection.LocalPort, out var miner))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        miner.CountWebRequest();
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        if (!await ApplyTimingFaultsAsync(context, miner, aborted.Token))
        {
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (miner.Kind == SimulatedMinerKind.TcpOnlyL3Plus || !path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            // An L3+ has Bitmain's CGI pages but no /api/v1.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("<html><body>404 Not Found</body></html>", aborted.Token);
            return;
        }

        var route = path[ApiPrefix.Length..];
        var method = context.Request.Method;
        var answer = (method, route) switch
        {
            ("POST", "/unlock") => UnlockAsync(context, miner, aborted.Token),
            ("GET", "/info") => WriteCachedAsync(context, miner, "info", () => VnishWebPayloads.Info(miner, miner.Expected), aborted.Token),
            ("GET", "/status") => StatusAsync(context, miner, aborted.Token),
            ("GET", "/summary") => SummaryAsync(context, miner, aborted.Token),
            ("GET", "/chains") when !miner.ServesBoards => WriteCachedAsync(context, miner, "boards", () => VnishWebPayloads.Boards(miner.Expected), aborted.Token),
            ("GET", "/boards") when miner.ServesBoards => WriteCachedAsync(context, miner, "boards", () => VnishWebPayloads.Boards(miner.Expected), aborted.Token),
            ("GET", "/perf-summary") => WriteCachedAsync(context, miner, "perf-summary", () => VnishWebPayloads.PerfSummary(miner.Expected), aborted.Token),
            _ => WriteJsonAsync(context, miner, StatusCodes.Status404NotFound, new JsonObject { ["err"] = $"No route {method} {path}" }, aborted.Token),
        };
        await answer;
    }

    /// <summary>Applies delay, hang and drop faults; returns false when the request must get no response.</summary>
    private static async Task<bool> ApplyTimingFaultsAsync(HttpContext context, SimulatedMiner miner, CancellationToken cancellationToken)
    {
        try
        {
            if (miner.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(miner.ResponseDelay, cancellationToken);
            }

            if (miner.HasFault(MinerFaults.Hanging))
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        if (miner.HasFault(MinerFaults.DropConnection) || miner.HasFault(MinerFaults.Offline))
        {
            context.Abort();
            return false;
        }

        return true;
    }

    private static async Task UnlockAsync(HttpContext context, SimulatedMiner miner, CancellationToken cancellationToken)
    {
        string? password = null;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            password = body?["pw"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            await WriteJsonAsync(context, miner, StatusCodes.Status500InternalServerError, new JsonObject { ["err"] = "Invalid request body" }, cancellationToken);
            return;
        }

        var (status, token, unlockTimeout) = miner.Unlock(password);
        JsonObject reply = status == StatusCodes.Status200OK
            ? new JsonObject { ["token"] = token }
            : new JsonObject { ["unlock_timeout"] = unlockTimeout };
        await WriteJsonAsync(context, miner, status, reply, cancellationToken);
    }

    private static Task SummaryAsync(HttpContext context, SimulatedMiner miner, CancellationToken cancellationToken)
    {
        if (miner.SummaryRequiresAuth && !IsAuthorized(context, miner))
        {
            return WriteJsonAsync(context, miner, StatusCodes.Status401Unauthorized, new JsonObject { ["err"] = "Unauthorized" }, cancellationToken);
        }

        return WriteCachedAsync(context, miner, "summary", () => VnishWebPayloads.Summary(miner, miner.Expected), cancellationToken);
    }

    private static Task StatusAsync(HttpContext context, SimulatedMiner miner, CancellationToken cancellationToken)
    {
        var unlocked = IsAuthorized(context, miner);
        return WriteCachedAsync(
            context, miner, unlocked ? "status-unlocked" : "status", () => VnishWebPayloads.Status(miner, miner.Expected, unlocked), cancellationToken);
    }

    /// <summary>Writes a 200 response whose body is built once per miner state and then reused, so large fleets stay cheap.</summary>
    private static Task WriteCachedAsync(HttpContext context, SimulatedMiner miner, string route, Func<JsonNode> build, CancellationToken cancellationToken) =>
        WriteBytesAsync(context, miner, StatusCodes.Status200OK, miner.CachedBody(route, () => Encoding.UTF8.GetBytes(build().ToJsonString())), cancellationToken);

    private static bool IsAuthorized(HttpContext context, SimulatedMiner miner) =>
        miner.IsAuthorized(context.Request.Headers.Authorization.ToString(), context.Request.Headers["x-api-key"].ToString());

    private static Task WriteJsonAsync(HttpContext context, SimulatedMiner miner, int status, JsonNode body, CancellationToken cancellationToken) =>
        WriteBytesAsync(context, miner, status, Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken);

    private static async Task WriteBytesAsync(HttpContext context, SimulatedMiner miner, int status, byte[] bytes, CancellationToken cancellationToken)
    {
        if (miner.HasFault(MinerFaults.MalformedJson) && bytes.Length > 1)
        {
            bytes = bytes[..(bytes.Length / 2)];
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        try
        {
            await context.Response.Body.WriteAsync(bytes, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client went away or the fleet is stopping; no response is left to send.
        }
    }
}
