using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Simulator.Pools;

/// <summary>The Prohashing REST API imitation and the operators' HTTP proxy imitation.</summary>
internal static class ProhashingRoutes
{
    public static void Map(WebApplication app, PoolSimulator simulator)
    {
        app.MapGet("/prohashing/api/v1/status", context => ServeRestAsync(context, simulator, fault => Status(simulator, fault)));
        app.MapGet("/prohashing/api/v1/wallet", context => ServeRestAsync(context, simulator, fault => Wallet(simulator, fault), requiresKey: true));
        app.MapGet("/prohashing/api/v1/walletEx", context => ServeRestAsync(context, simulator, fault => WalletEx(simulator, fault), requiresKey: true));

        app.MapGet("/proxy/", context => ServeProxyAsync(context, simulator, _ => null));
        app.MapGet("/proxy/status", context => ServeProxyAsync(context, simulator, _ => ProxyStatus()));
        app.MapGet("/proxy/profitability", context => ServeProxyAsync(context, simulator, fault =>
            fault == SimulatedFault.Empty ? new JsonObject() : simulator.Data.Profitability(fault)));
    }

    private static async Task ServeRestAsync(HttpContext context, PoolSimulator simulator, Func<SimulatedFault, JsonNode> body, bool requiresKey = false)
    {
        var fault = simulator.CountRequest(SimulatedSource.ProhashingRest);
        if (await simulator.WriteCommonFaultAsync(context, fault))
        {
            return;
        }

        var keyValid = context.Request.Query["apiKey"] == simulator.Settings.ProhashingApiKey;
        if ((requiresKey && !keyValid) || fault == SimulatedFault.InvalidKey)
        {
            await context.Response.WriteAsJsonAsync(new { status = "error", code = 400, message = "Invalid API key" });
            return;
        }

        await Results.Json(body(fault)).ExecuteAsync(context);
    }

    private static async Task ServeProxyAsync(HttpContext context, PoolSimulator simulator, Func<SimulatedFault, JsonNode?> body)
    {
        var fault = simulator.CountRequest(SimulatedSource.Proxy);
        var token = simulator.Settings.ProxyBearerToken;
        if (token is not null && context.Request.Headers.Authorization != $"Bearer {token}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (await simulator.WriteCommonFaultAsync(context, fault))
        {
            return;
        }

        var json = body(fault);
        if (json is null)
        {
            await context.Response.WriteAsync("OK");
            return;
        }

        await Results.Json(json).ExecuteAsync(context);
    }

    /// <summary>The proxy's status: like the real bridge, it claims to be connected whatever the truth.</summary>
    private static JsonObject ProxyStatus() => new()
    {
        ["connected"] = true,
        ["updating"] = true,
        ["lastUpdates"] = new JsonObject { ["profitability"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) },
    };

    /// <summary>
    /// <c>status</c>: prices in BTC per <c>mbtc_mh_factor</c> H/s per day. The simulator uses a factor of 1e6,
    /// so <c>estimate_current</c> equals the BTC per MH/s per day the WAMP side serves.
    /// </summary>
    private static JsonObject Status(PoolSimulator simulator, SimulatedFault fault)
    {
        var settings = simulator.Settings;
        var price = fault == SimulatedFault.ZeroPrice ? 0 : settings.ScryptBtcPerMhsDay;
        var data = new JsonObject();
        if (fault != SimulatedFault.MissingAlgorithm)
        {
            data["scrypt"] = new JsonObject
            {
                ["name"] = "scrypt",
                ["port"] = 3333,
                ["pps_fee"] = "0.0199",
                ["pplns_fee"] = "0.0199",
                ["mbtc_mh_factor"] = fault == SimulatedFault.ZeroFactor ? 0 : ProhashingData.Number(1e6, fault),
                ["estimate_current"] = ProhashingData.Number(price, fault),
                ["estimate_last24h"] = ProhashingData.Number(price * 1.02, fault),
                ["actual_last24h"] = ProhashingData.Number(price * 0.98, fault),
                ["hashrate"] = ProhashingData.Number(settings.Workers.Sum(w => w.HashrateHps) * 250, fault),
                ["hashrate_last24h"] = ProhashingData.Number(settings.Workers.Sum(w => w.HashrateHps) * 240, fault),
            };
        }

        data["sha-256"] = new JsonObject { ["name"] = "sha-256", ["port"] = 3339, ["mbtc_mh_factor"] = 1e12, ["estimate_current"] = 3.6e-5 };
        return new JsonObject { ["code"] = 200, ["data"] = data };
    }

    private static JsonObject Wallet(PoolSimulator simulator, SimulatedFault fault)
    {
        var balances = new JsonObject();
        foreach (var (coin, amount) in simulator.Data.Balances())
        {
            var value = amount!.GetValue<double>();
            var abbreviation = coin == "litecoin" ? "LTC" : "DOGE";
            balances[abbreviation] = new JsonObject
            {
                ["name"] = coin,
                ["abbreviation"] = abbreviation,
                ["balance"] = ProhashingData.Number(value, fault),
                ["unpaid"] = ProhashingData.Number(value, fault),
                ["paid24h"] = ProhashingData.Number(0, fault),
                ["total"] = ProhashingData.Number(value * 10, fault),
                ["paid"] = ProhashingData.Number(value * 9, fault),
                ["payoutThreshold"] = ProhashingData.Number(0.1, fault),
            };
        }

        return new JsonObject { ["status"] = "success", ["code"] = 200, ["data"] = new JsonObject { ["balances"] = balances } };
    }

    private static JsonObject WalletEx(PoolSimulator simulator, SimulatedFault fault)
    {
        var miners = new JsonArray();
        foreach (var miner in simulator.Data.Miners(fault).OfType<JsonObject>())
        {
            miners.Add(new JsonObject
            {
                ["ID"] = miner["uuid"]!.DeepClone(),
                ["algo"] = "scrypt",
                ["coin"] = "litecoin",
                ["accepted"] = miner["hashrate"]?.DeepClone(),
                ["difficulty"] = 65536,
            });
        }

        return new JsonObject { ["code"] = 200, ["data"] = new JsonObject { ["miners"] = miners } };
    }
}
