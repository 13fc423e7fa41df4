using System.Text.Json.Nodes;

namespace FleetServerless.Simulator.Miners;

/// <summary>
/// Builds the JSON bodies of the Vnish web API from a miner's <see cref="MinerExpectation"/>, with the field names
/// and required fields of the vendor's OpenAPI documents for firmware 1.2.6 and 1.3.4.
/// </summary>
internal static class VnishWebPayloads
{
    public static JsonObject Info(SimulatedMiner miner, MinerExpectation expected)
    {
        var profile = MinerProfile.For(miner.Kind);
        return new JsonObject
        {
            ["miner"] = expected.Model,
            ["model"] = profile.ModelCode,
            ["fw_name"] = miner.FirmwareBrand,
            ["fw_version"] = miner.FirmwareVersion,
            ["build_time"] = "2025-05-29 19:22:26+00:00",
            ["build_name"] = "sim",
            ["build_uuid"] = "00000000-0000-0000-0000-000000000000",
            ["platform"] = "xil",
            ["install_type"] = "nand",
            ["algorithm"] = expected.Algorithm,
            ["hr_measure"] = expected.HashrateUnit,
            ["serial"] = "N/A",
            ["system"] = new JsonObject
            {
                ["os"] = "GNU/Linux",
                ["miner_name"] = profile.ModelCode,
                ["file_system_version"] = "sim-1",
                ["mem_total"] = 233712,
                ["mem_free"] = 173956,
                ["mem_free_percent"] = 74,
                ["mem_buf"] = 10240,
                ["mem_buf_percent"] = 4,
                ["uptime"] = expected.UptimeText,
                ["network_status"] = new JsonObject
                {
                    ["mac"] = miner.Mac,
                    ["dhcp"] = true,
                    ["ip"] = "127.0.0.1",
                    ["netmask"] = "255.0.0.0",
                    ["gateway"] = "127.0.0.1",
                    ["dns"] = new JsonArray("127.0.0.1"),
                    ["hostname"] = miner.Name,
                },
            },
        };
    }

    public static JsonObject Status(SimulatedMiner miner, MinerExpectation expected, bool unlocked)
    {
        var status = MinerStatus(miner, expected);
        status["find_miner"] = false;
        status["restart_required"] = false;
        status["reboot_required"] = false;
        status["unlocked"] = unlocked;
        status["unlock_timeout"] = null;
        return status;
    }

    public static JsonObject Summary(SimulatedMiner miner, MinerExpectation expected)
    {
        if (expected.IsStarting)
        {
            return new JsonObject { ["miner"] = null };
        }

        var stats = new JsonObject
        {
            ["miner_type"] = $"{expected.Model} ({miner.FirmwareBrand} {miner.FirmwareVersion})",
            ["miner_status"] = MinerStatus(miner, expected),
            ["hr_realtime"] = expected.HashrateRealtime,
            ["hr_average"] = expected.HashrateAverage,
            ["hr_nominal"] = expected.HashrateNominal,
            ["hr_stock"] = expected.HashrateNominal,
            ["instant_hashrate"] = expected.HashrateRealtime,
            ["average_hashrate"] = expected.HashrateAverage,
            ["hr_error"] = 0.1,
            ["hw_errors"] = expected.HardwareErrors,
            ["hw_errors_percent"] = 0.01,
            ["power_consumption"] = expected.PowerWatts,
            ["power_usage"] = 0,
            ["power_efficiency"] = expected.HashrateRealtime == 0 ? 0 : Math.Round(expected.PowerWatts / expected.HashrateRealtime, 3),
            ["chip_temp"] = Range(expected.ChipTempMinC, expected.ChipTempMaxC),
            ["pcb_temp"] = Range(expected.BoardTempMinC, expected.BoardTempMaxC),
            ["cooling"] = Cooling(expected),
            ["chains"] = new JsonArray(expected.Boards.Select(SummaryChain).ToArray<JsonNode?>()),
            ["pools"] = Pools(miner),
            ["found_blocks"] = 0,
            ["best_share"] = 123456,
            ["devfee_percent"] = 0.0,
            ["devfee"] = 0.0,
            ["psu"] = null,
        };

        if (miner.ServesBoards)
        {
            stats["restart_count"] = 0;
        }

        return new JsonObject { ["miner"] = stats };
    }

    /// <summary>The body of <c>/chains</c> (1.2.x) and <c>/boards</c> (1.3.x): <c>[]</c> while starting or in failure.</summary>
    public static JsonArray Boards(MinerExpectation expected)
    {
        if (expected.IsStarting || expected.State == "failure")
        {
            return [];
        }

        return new JsonArray(expected.Boards.Select(BoardWithChips).ToArray<JsonNode?>());
    }

    public static JsonObject PerfSummary(MinerExpectation expected)
    {
        var profile = MinerProfile.For(expected.Kind);
        return new JsonObject
        {
            ["current_preset"] = new JsonObject
            {
                ["name"] = profile.PresetName,
                ["pretty"] = profile.PresetLabel,
                ["status"] = "tuned",
                ["modded_psu_required"] = false,
                ["globals"] = null,
            },
            ["preset_switcher"] = new JsonObject
            {
                ["enabled"] = false,
                ["top_preset"] = null,
                ["min_preset"] = null,
            },
        };
    }

    private static JsonObject MinerStatus(SimulatedMiner miner, MinerExpectation expected)
    {
        var status = new JsonObject
        {
            ["miner_state"] = expected.State,
            ["miner_state_time"] = expected.State == "mining" ? 3600 : 0,
            ["description"] = expected.StateDescription,
            ["failure_code"] = expected.State == "failure" ? 3 : null,
        };

        // throttled (20..100 %) is part of the miner status from 1.3 on.
        if (miner.ServesBoards)
        {
            status["throttled"] = 100;
        }

        return status;
    }

    private static JsonObject Cooling(MinerExpectation expected)
    {
        var fans = expected.Fans.Select(f => (JsonNode?)new JsonObject
        {
            ["id"] = f.Id,
            ["rpm"] = f.Rpm,
            ["max_rpm"] = f.MaxRpm,
            ["status"] = f.Status,
        });
        var mode = expected.Fans.Count == 0
            ? new JsonObject { ["name"] = "immersion" }
            : new JsonObject { ["name"] = "auto", ["param"] = 65 };
        return new JsonObject
        {
            ["fan_num"] = expected.Fans.Count,
            ["fan_duty"] = expected.FanDutyPercent,
            ["settings"] = new JsonObject { ["mode"] = mode },
            ["fans"] = new JsonArray(fans.ToArray()),
        };
    }

    private static JsonObject SummaryChain(BoardExpectation board) => new()
    {
        ["id"] = board.Id,
        ["status"] = new JsonObject { ["state"] = board.State, ["description"] = board.Description },
        ["hashrate_rt"] = board.HashrateRealtime,
        ["hashrate_ideal"] = board.HashrateNominal,
        ["hashrate_percentage"] = Math.Round(100 * board.HashrateRealtime / board.HashrateNominal, 1),
        ["hr_error"] = 0.0,
        ["hw_errors"] = board.HardwareErrors,
        ["frequency"] = board.FrequencyMhz,
        ["voltage"] = board.VoltageMillivolts,
        ["power_consumption"] = board.PowerWatts,
        ["chip_temp"] = Range(board.ChipTempMinC, board.ChipTempMaxC),
        ["pcb_temp"] = Range(board.BoardTempMinC, board.BoardTempMaxC),
        ["inlet_water_temp"] = board.InletWaterTempC,
        ["outlet_water_temp"] = board.OutletWaterTempC,
        ["chip_statuses"] = new JsonObject
        {
            ["red"] = board.ChipsRed,
            ["orange"] = board.ChipsOrange,
            ["grey"] = board.ChipsGrey,
        },
    };

    private static JsonObject BoardWithChips(BoardExpectation board)
    {
        var chips = new JsonNode?[board.ChipCount];
        for (var i = 0; i < board.ChipCount; i++)
        {
            var grade = "grey";
            if (i < board.ChipsOrange)
            {
                grade = "orange";
            }
            else if (i < board.ChipsOrange + board.ChipsRed)
            {
                grade = "red";
            }

            chips[i] = new JsonObject
            {
                ["id"] = i,
                ["hr"] = Math.Round(board.HashrateRealtime / board.ChipCount, 2),
                ["temp"] = board.ChipTempMinC + ((board.ChipTempMaxC - board.ChipTempMinC) * (i % 10) / 9.0),
                ["volt"] = board.VoltageMillivolts,
                ["freq"] = (int)board.FrequencyMhz,
                ["errs"] = 0,
                ["grade"] = grade,
                ["throttled"] = false,
            };
        }

        return new JsonObject
        {
            ["id"] = board.Id,
            ["freq"] = board.FrequencyMhz,
            ["hr_realtime"] = board.HashrateRealtime,
            ["hr_nominal"] = board.HashrateNominal,
            ["status"] = new JsonObject { ["state"] = board.State, ["failure_message"] = board.Description },
            ["sensors"] = new JsonArray(
                new JsonObject { ["board"] = board.BoardTempMaxC, ["chip"] = board.ChipTempMaxC, ["loc"] = 0, ["state"] = "measure" }),
            ["chips"] = new JsonArray(chips),
        };
    }

    private static JsonArray Pools(SimulatedMiner miner) =>
    [
        Pool(0, "stratum+tcp://pool.example:3333", $"acct.{miner.Name}", "UserPool", "active", 1000 + miner.Index),
        Pool(1, "stratum+tcp://pool.example:443", $"acct.{miner.Name}", "UserPool", "working", 0),
        Pool(2, "DevFee", "DevFee", "DevFee", "working", 17),
    ];

    private static JsonObject Pool(int id, string url, string user, string type, string status, int accepted) => new()
    {
        ["id"] = id,
        ["url"] = url,
        ["user"] = user,
        ["pool_type"] = type,
        ["status"] = status,
        ["asic_boost"] = false,
        ["diff"] = "65.5K",
        ["diffa"] = 65536.0 * accepted,
        ["accepted"] = accepted,
        ["rejected"] = accepted == 0 ? 0 : 2,
        ["stale"] = 0,
        ["ls_diff"] = 65536.0,
        ["ls_time"] = accepted == 0 ? "" : "0:00:14",
        ["ping"] = 35,
    };

    private static JsonObject Range(int min, int max) => new() { ["min"] = min, ["max"] = max };
}
