using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FleetServerless.Simulator.Miners;

/// <summary>
/// Builds CGMiner-style TCP API replies (<c>summary</c>, <c>stats</c>, <c>pools</c> and combined commands) from a
/// miner's <see cref="MinerExpectation"/>, spoiled in the way its <see cref="TcpReplyForm"/> names.
/// </summary>
internal static class CgminerPayloads
{
    /// <summary>The reply size at which firmware with a fixed buffer cuts its output.</summary>
    public const int TruncationBytes = 64 * 1024;

    private const string NanPlaceholder = "\"__sim_nan__\"";
    private const string InfPlaceholder = "\"__sim_inf__\"";

    /// <summary>Returns the reply bytes for a request, NUL included, or an empty array for <see cref="TcpReplyForm.Empty"/>.</summary>
    public static byte[] Reply(SimulatedMiner miner, string requestText)
    {
        var form = miner.TcpReplyForm;
        if (form == TcpReplyForm.Empty)
        {
            return [];
        }

        var command = ReadCommand(requestText);
        return miner.CachedBody("tcp:" + command, () => Build(miner, command, form));
    }

    private static byte[] Build(SimulatedMiner miner, string command, TcpReplyForm form)
    {
        var expected = miner.Expected;
        var text = BuildReply(miner, expected, command, form).ToJsonString();
        text = Spoil(text, form);

        var bytes = Encoding.UTF8.GetBytes(text);
        if (form == TcpReplyForm.Truncated && bytes.Length > TruncationBytes)
        {
            bytes = bytes[..TruncationBytes];
        }

        return [.. bytes, 0];
    }

    private static string ReadCommand(string requestText)
    {
        try
        {
            return JsonNode.Parse(requestText)?["command"]?.GetValue<string>() ?? "";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return "";
        }
    }

    private static JsonObject BuildReply(SimulatedMiner miner, MinerExpectation expected, string command, TcpReplyForm form)
    {
        var commands = command.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (commands.Length > 1)
        {
            if (!miner.TcpAcceptsCombinedCommands)
            {
                return ErrorReply(14, "Invalid command");
            }

            var combined = new JsonObject();
            foreach (var part in commands)
            {
                combined[part] = new JsonArray(Single(miner, expected, part, form));
            }

            combined["id"] = 1;
            return combined;
        }

        return Single(miner, expected, command, form);
    }

    private static JsonObject Single(SimulatedMiner miner, MinerExpectation expected, string command, TcpReplyForm form) => command switch
    {
        "summary" => Summary(expected, form),
        "stats" => Stats(miner, expected, form),
        "pools" => Pools(miner),
        "version" => new JsonObject
        {
            ["STATUS"] = Status("S", 22, "CGMiner versions"),
            ["VERSION"] = new JsonArray(new JsonObject { ["CGMiner"] = "4.9.2", ["API"] = "3.1", ["Type"] = MinerType(miner, expected) }),
            ["id"] = 1,
        },
        _ => ErrorReply(14, "Invalid command"),
    };

    private static JsonObject Summary(MinerExpectation expected, TcpReplyForm form)
    {
        var summary = new JsonObject
        {
            ["Elapsed"] = expected.UptimeSeconds,
            ["GHS 5s"] = Number(expected.HashrateRealtime, form),
            ["GHS av"] = form == TcpReplyForm.InfNan ? NanPlaceholderValue() : Number(expected.HashrateAverage, form),
            ["Found Blocks"] = 0,
            ["Getworks"] = 5120,
            ["Accepted"] = 1000,
            ["Rejected"] = 2,
            ["Hardware Errors"] = expected.HardwareErrors,
            ["Utility"] = form == TcpReplyForm.InfNan ? InfPlaceholderValue() : Number(12.5, form),
            ["Discarded"] = 100,
            ["Stale"] = 0,
            ["Local Work"] = 123456,
            ["Device Hardware%"] = Number(0.01, form),
            ["Device Rejected%"] = Number(0.2, form),
            ["Last getwork"] = 1700000000,
        };
        return new JsonObject
        {
            ["STATUS"] = Status("S", 11, "Summary"),
            ["SUMMARY"] = new JsonArray(summary),
            ["id"] = 1,
        };
    }

    private static JsonObject Stats(SimulatedMiner miner, MinerExpectation expected, TcpReplyForm form)
    {
        var isL3 = miner.Kind == SimulatedMinerKind.TcpOnlyL3Plus;
        var detail = new JsonObject
        {
            ["STATS"] = 0,
            ["ID"] = "BC50",
            ["Elapsed"] = expected.UptimeSeconds,
            ["Calls"] = 0,
            ["Wait"] = 0.0,
            ["GHS 5s"] = Number(expected.HashrateRealtime, form),
            ["GHS av"] = form == TcpReplyForm.InfNan ? NanPlaceholderValue() : Number(expected.HashrateAverage, form),
            ["miner_count"] = expected.Boards.Count,
            ["frequency"] = expected.Boards.Count > 0 ? expected.Boards[0].FrequencyMhz.ToString("0", CultureInfo.InvariantCulture) : "",
            ["fan_num"] = expected.Fans.Count,
        };

        // An L3+ reports its fans after two unused slots (fan3, fan4), the offset a reader must detect.
        var fanOffset = isL3 ? 2 : 0;
        for (var slot = 1; slot <= fanOffset; slot++)
        {
            detail[$"fan{slot}"] = 0;
        }

        foreach (var fan in expected.Fans)
        {
            detail[$"fan{fan.Id + 1 + fanOffset}"] = fan.Rpm;
        }

        detail["temp_num"] = expected.Boards.Count;
        foreach (var board in expected.Boards)
        {
            detail[$"temp{board.Id}"] = board.BoardTempMaxC;
            detail[$"temp2_{board.Id}"] = board.ChipTempMaxC;
        }

        detail["temp_max"] = expected.Boards.Count > 0 ? expected.Boards.Max(b => b.ChipTempMaxC) : 0;
        foreach (var board in expected.Boards)
        {
            detail[$"chain_acn{board.Id}"] = board.ChipCount;
            detail[$"chain_acs{board.Id}"] = ChipStatusText(board);
            detail[$"chain_hw{board.Id}"] = board.HardwareErrors;

            // Older firmware sends chain_rate as a string, newer builds as a number.
            detail[$"chain_rate{board.Id}"] = isL3
                ? board.HashrateRealtime.ToString("0.0000", CultureInfo.InvariantCulture)
                : Number(board.HashrateRealtime, form);
        }

        if (!isL3)
        {
            detail["total_rateideal"] = Number(expected.HashrateNominal, form);
            detail["rate_unit"] = expected.HashrateUnit;
        }

        if (form == TcpReplyForm.Truncated)
        {
            // Filler after the useful fields pushes the reply past the 64 KB cut.
            detail["chip_log"] = new string('o', TruncationBytes + 1024);
        }

        var header = new JsonObject
        {
            ["CGMiner"] = "4.9.2",
            ["Miner"] = expected.FirmwareVersion,
            ["CompileTime"] = "Sat May 31 10:00:00 UTC 2025",
            ["Type"] = MinerType(miner, expected),
        };
        return new JsonObject
        {
            ["STATUS"] = Status("S", 70, "CGMiner stats"),
            ["STATS"] = new JsonArray(header, detail),
            ["id"] = 1,
        };
    }

    private static JsonObject Pools(SimulatedMiner miner)
    {
        JsonObject Pool(int id, string url, string user, string status, bool active, int accepted) => new()
        {
            ["POOL"] = id,
            ["URL"] = url,
            ["Status"] = status,
            ["Priority"] = id,
            ["Quota"] = 1,
            ["Stratum Active"] = active,
            ["Accepted"] = accepted,
            ["Rejected"] = accepted == 0 ? 0 : 2,
            ["Stale"] = 0,
            ["Last Share Time"] = accepted == 0 ? "0" : "0:00:14",
            ["User"] = user,
            ["Difficulty Accepted"] = 65536.0 * accepted,
        };

        var pools = new JsonArray(
            Pool(0, "stratum+tcp://pool.example:3333", $"acct.{miner.Name}", "Alive", true, 1000 + miner.Index),
            Pool(1, "stratum+tcp://pool.example:443", $"acct.{miner.Name}", "Alive", false, 0));
        if (miner.Kind != SimulatedMinerKind.TcpOnlyL3Plus)
        {
            pools.Add(Pool(2, "DevFee", "DevFee", "Alive", false, 17));
        }

        return new JsonObject
        {
            ["STATUS"] = Status("S", 7, $"{pools.Count} Pool(s)"),
            ["POOLS"] = pools,
            ["id"] = 1,
        };
    }

    private static string MinerType(SimulatedMiner miner, MinerExpectation expected) =>
        miner.Kind == SimulatedMinerKind.TcpOnlyL3Plus
            ? $"{expected.Model} ({expected.FirmwareVersion})"
            : $"{expected.Model} ({miner.FirmwareBrand} {miner.FirmwareVersion})";

    /// <summary>One character per chip (<c>o</c> good, <c>x</c> bad) in groups of eight separated by spaces.</summary>
    private static string ChipStatusText(BoardExpectation board)
    {
        var text = new StringBuilder(board.ChipCount + (board.ChipCount / 8));
        for (var i = 0; i < board.ChipCount; i++)
        {
            if (i > 0 && i % 8 == 0)
            {
                text.Append(' ');
            }

            text.Append(i < board.ChipsRed ? 'x' : 'o');
        }

        return text.ToString();
    }

    private static JsonNode Number(double value, TcpReplyForm form) =>
        form == TcpReplyForm.PaddedNumbers
            ? JsonValue.Create("  " + value.ToString("0.0000", CultureInfo.InvariantCulture))
            : JsonValue.Create(value);

    private static JsonNode NanPlaceholderValue() => JsonValue.Create(NanPlaceholder.Trim('"'));

    private static JsonNode InfPlaceholderValue() => JsonValue.Create(InfPlaceholder.Trim('"'));

    private static string Spoil(string text, TcpReplyForm form) => form switch
    {
        TcpReplyForm.MissingComma => text.Replace("},{", "}{", StringComparison.Ordinal),
        TcpReplyForm.InfNan => text.Replace(NanPlaceholder, "nan", StringComparison.Ordinal).Replace(InfPlaceholder, "inf", StringComparison.Ordinal),
        _ => text,
    };

    private static JsonObject ErrorReply(int code, string message) => new()
    {
        ["STATUS"] = Status("E", code, message),
        ["id"] = 1,
    };

    private static JsonArray Status(string status, int code, string message) =>
    [
        new JsonObject
        {
            ["STATUS"] = status,
            ["When"] = 1700000000,
            ["Code"] = code,
            ["Msg"] = message,
            ["Description"] = "cgminer 4.9.2",
        },
    ];
}
