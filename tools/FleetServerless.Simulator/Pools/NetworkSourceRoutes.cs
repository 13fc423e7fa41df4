using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Simulator.Pools;

/// <summary>Blockchair chain stats, CoinGecko simple price and WhatToMine coin imitations.</summary>
internal static class NetworkSourceRoutes
{
    /// <summary>Blockchair returns 430 for key-less overuse (and 434, 435 for other limits).</summary>
    private const int BlockchairThrottleStatus = 430;

    public static void Map(WebApplication app, PoolSimulator simulator)
    {
        app.MapGet("/blockchair/{chain}/stats", (HttpContext context, string chain) => BlockchairAsync(context, simulator, chain));
        app.MapGet("/coingecko/api/v3/simple/price", context => CoinGeckoAsync(context, simulator));
        app.MapGet("/whattomine/coins/{id}.json", (HttpContext context, string id) => WhatToMineAsync(context, simulator, id));
    }

    private static async Task BlockchairAsync(HttpContext context, PoolSimulator simulator, string chain)
    {
        var fault = simulator.CountRequest(SimulatedSource.Blockchair);
        if (await simulator.WriteCommonFaultAsync(context, fault, BlockchairThrottleStatus))
        {
            return;
        }

        var settings = simulator.Settings;
        (double difficulty, double price) = chain switch
        {
            "litecoin" => (settings.LtcDifficulty, settings.LtcPriceUsd),
            "dogecoin" => (settings.DogeDifficulty, settings.DogePriceUsd),
            _ => (double.NaN, double.NaN),
        };
        if (double.IsNaN(difficulty))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await Results.Json(new JsonObject { ["data"] = null, ["context"] = new JsonObject { ["code"] = 404, ["error"] = "Unknown chain" } }).ExecuteAsync(context);
            return;
        }

        var data = new JsonObject
        {
            ["blocks"] = 2_900_000,
            ["difficulty"] = ProhashingData.Number(fault == SimulatedFault.ZeroPrice ? 0 : difficulty, fault),
            ["hashrate_24h"] = "1850000000000000",
            ["market_price_usd"] = ProhashingData.Number(price, fault),
        };
        await Results.Json(new JsonObject { ["data"] = data, ["context"] = new JsonObject { ["code"] = 200, ["source"] = "simulator" } }).ExecuteAsync(context);
    }

    private static async Task CoinGeckoAsync(HttpContext context, PoolSimulator simulator)
    {
        var fault = simulator.CountRequest(SimulatedSource.CoinGecko);
        if (await simulator.WriteCommonFaultAsync(context, fault))
        {
            return;
        }

        var ids = context.Request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new JsonObject();
        foreach (var id in ids)
        {
            var price = id switch
            {
                "litecoin" => simulator.Settings.LtcPriceUsd,
                "dogecoin" => simulator.Settings.DogePriceUsd,
                _ => double.NaN,
            };
            if (!double.IsNaN(price))
            {
                result[id] = new JsonObject { ["usd"] = ProhashingData.Number(fault == SimulatedFault.ZeroPrice ? 0 : price, fault) };
            }
        }

        await Results.Json(result).ExecuteAsync(context);
    }

    /// <summary>WhatToMine's Litecoin page: numbers for difficulty and reward, strings for its revenue estimates.</summary>
    private static async Task WhatToMineAsync(HttpContext context, PoolSimulator simulator, string id)
    {
        var fault = simulator.CountRequest(SimulatedSource.WhatToMine);
        if (await simulator.WriteCommonFaultAsync(context, fault))
        {
            return;
        }

        if (id != "4")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var settings = simulator.Settings;
        var body = new JsonObject
        {
            ["id"] = 4,
            ["name"] = "Litecoin",
            ["tag"] = "LTC",
            ["algorithm"] = "Scrypt",
            ["block_time"] = "150.0",
            ["block_reward"] = ProhashingData.Number(settings.LtcBlockRewardCoins, fault),
            ["difficulty"] = ProhashingData.Number(fault == SimulatedFault.ZeroPrice ? 0 : settings.LtcDifficulty, fault),
            ["nethash"] = ProhashingData.Number(1.85e15, fault),
            ["estimated_rewards"] = "0.001504",
            ["btc_revenue"] = "0.00000141",
        };
        await Results.Json(body).ExecuteAsync(context);
    }
}
