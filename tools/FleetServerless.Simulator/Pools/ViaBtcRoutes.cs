using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Simulator.Pools;

/// <summary>
/// The ViaBTC read-only API imitation: <c>account</c>, <c>hashrate</c> and paged <c>hashrate/worker</c> with the
/// <c>{"code":0,"data":...,"message":"OK"}</c> envelope and hashrates as decimal strings in H/s.
/// </summary>
internal static class ViaBtcRoutes
{
    public static void Map(WebApplication app, PoolSimulator simulator)
    {
        app.MapGet("/viabtc/res/openapi/v1/account", context => ServeAsync(context, simulator, _ => Account(simulator)));
        app.MapGet("/viabtc/res/openapi/v1/hashrate", context => ServeAsync(context, simulator, _ => AccountHashrate(simulator)));
        app.MapGet("/viabtc/res/openapi/v1/hashrate/worker", context => ServeAsync(context, simulator, fault => Workers(context, simulator, fault)));
    }

    private static async Task ServeAsync(HttpContext context, PoolSimulator simulator, Func<SimulatedFault, JsonNode> data)
    {
        var fault = simulator.CountRequest(SimulatedSource.ViaBtc);
        if (await simulator.WriteCommonFaultAsync(context, fault))
        {
            return;
        }

        if (context.Request.Headers["X-API-KEY"] != simulator.Settings.ViaBtcApiKey || fault == SimulatedFault.InvalidKey)
        {
            await WriteEnvelopeAsync(context, 12001, null, "Invalid API key");
            return;
        }

        if (fault == SimulatedFault.IpNotAllowed)
        {
            await WriteEnvelopeAsync(context, 12004, null, "IP address not in whitelist");
            return;
        }

        await WriteEnvelopeAsync(context, 0, data(fault), "OK");
    }

    private static Task WriteEnvelopeAsync(HttpContext context, int code, JsonNode? data, string message) =>
        Results.Json(new JsonObject { ["code"] = code, ["data"] = data ?? new JsonObject(), ["message"] = message }).ExecuteAsync(context);

    private static JsonObject Account(PoolSimulator simulator) => new()
    {
        ["account"] = simulator.Settings.Account,
        ["balance"] = new JsonArray(
            new JsonObject { ["coin"] = "LTC", ["amount"] = "0.52310000" },
            new JsonObject { ["coin"] = "DOGE", ["amount"] = "1840.12000000" }),
    };

    private static JsonObject AccountHashrate(PoolSimulator simulator)
    {
        var total = Hps(simulator.Settings.Workers.Sum(w => w.HashrateHps));
        return new JsonObject
        {
            ["coin"] = "LTC",
            ["hashrate_10min"] = total,
            ["hashrate_1hour"] = total,
            ["hashrate_24hour"] = total,
        };
    }

    /// <summary>
    /// One page of workers. The page fields (<c>count</c>, <c>curr_page</c>, <c>has_next</c>, <c>total</c>,
    /// <c>total_page</c>) follow the pattern of ViaBTC's other paged calls; no worker-list response was seen.
    /// </summary>
    private static JsonObject Workers(HttpContext context, PoolSimulator simulator, SimulatedFault fault)
    {
        var page = int.TryParse(context.Request.Query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 50;
        var settings = simulator.Settings;
        var all = fault == SimulatedFault.Empty ? [] : settings.Workers;
        var pageWorkers = all.Skip((page - 1) * limit).Take(limit).ToList();
        var rows = new JsonArray();
        foreach (var worker in pageWorkers)
        {
            var index = IndexOf(settings.Workers, worker) + 1;
            var suffixOnly = settings.ViaBtcSuffixOnlyEvery > 0 && index % settings.ViaBtcSuffixOnlyEvery == 0;
            rows.Add(new JsonObject
            {
                ["worker_name"] = suffixOnly ? worker.Name : $"{settings.Account}.{worker.Name}",
                ["worker_status"] = worker.HashrateHps > 0 ? "active" : "unactive",
                ["hashrate_10min"] = Hps(worker.HashrateHps),
                ["hashrate_1hour"] = Hps(worker.HashrateHps),
                ["hashrate_24hour"] = Hps(worker.HashrateHps),
                ["reject_rate"] = "0.0012",
            });
        }

        var totalPages = Math.Max(1, (all.Count + limit - 1) / limit);
        return new JsonObject
        {
            ["count"] = rows.Count,
            ["curr_page"] = page,
            ["has_next"] = page < totalPages,
            ["total"] = all.Count,
            ["total_page"] = totalPages,
            ["data"] = rows,
        };
    }

    private static int IndexOf(IReadOnlyList<SimulatedWorker> workers, SimulatedWorker worker)
    {
        for (var i = 0; i < workers.Count; i++)
        {
            if (ReferenceEquals(workers[i], worker))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Hps(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
