using System.Globalization;
using System.Text.Json;
using FleetServerless.Core.Telemetry;
using FleetServerless.Core.Units;
using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Turns Vnish web API responses into a <see cref="MinerSample"/> in SI units. The hashrate unit comes only from
/// <c>/info.hr_measure</c>, and without it hashrates stay unknown. Fields a miner did not send stay null, and a field of
/// the wrong kind costs only that field (it is listed in <see cref="MinerSample.Problems"/>).
/// </summary>
public static class VnishNormalizer
{
    public static MinerSample Normalize(
        MinerOptions miner, VnishDocuments documents, DateTimeOffset collectedAt, IEnumerable<string>? readProblems = null)
    {
        ArgumentNullException.ThrowIfNull(miner);
        ArgumentNullException.ThrowIfNull(documents);
        var problems = new List<string>(readProblems ?? []);
        var fields = new JsonFields(problems);

        var info = documents.Info;
        var system = fields.Object(info, "system", "info.system");
        var network = fields.Object(system, "network_status", "info.system.network_status");
        var mac = fields.Text(network, "mac", "info.system.network_status.mac")?.Trim();

        var summaryMiner = fields.Object(documents.Summary, "miner", "summary.miner");
        var minerStatus = fields.Object(summaryMiner, "miner_status", "summary.miner.miner_status");
        var (typeModel, typeFirmware) = MinerTypeText.Parse(fields.Text(summaryMiner, "miner_type", "summary.miner.miner_type"));

        var factor = HashrateFactor(fields, info, problems);
        var algorithm = fields.Text(info, "algorithm", "info.algorithm")?.Trim().ToLowerInvariant();

        var chipTemp = fields.Object(summaryMiner, "chip_temp", "summary.miner.chip_temp");
        var pcbTemp = fields.Object(summaryMiner, "pcb_temp", "summary.miner.pcb_temp");
        var cooling = fields.Object(summaryMiner, "cooling", "summary.miner.cooling");
        var uptimeText = fields.Text(system, "uptime", "info.system.uptime");
        var uptime = UptimeText.ParseSeconds(uptimeText);
        if (uptimeText is not null && uptime is null)
        {
            problems.Add($"info.system.uptime: '{uptimeText}' has no known uptime form.");
        }

        var sample = new MinerSample
        {
            MinerId = string.IsNullOrEmpty(mac) ? miner.Name : mac.ToUpperInvariant(),
            Host = miner.Host,
            CollectedAt = collectedAt,
            Answered = true,
            Api = MinerApis.VnishWeb,
            Model = fields.Text(info, "miner", "info.miner") ?? typeModel,
            Firmware = FirmwareText(fields, info) ?? typeFirmware,
            Algorithm = algorithm is "scrypt" or "sha256d" ? algorithm : null,
            State = fields.Text(documents.Status, "miner_state", "status.miner_state")
                ?? fields.Text(minerStatus, "miner_state", "summary.miner.miner_status.miner_state"),
            StateDescription = fields.Text(documents.Status, "description", "status.description")
                ?? fields.Text(minerStatus, "description", "summary.miner.miner_status.description"),
            HashrateRealtimeHps = Scale(fields.Number(summaryMiner, "hr_realtime", "summary.miner.hr_realtime"), factor),
            HashrateAverageHps = Scale(fields.Number(summaryMiner, "hr_average", "summary.miner.hr_average"), factor),
            HashrateNominalHps = Scale(fields.Number(summaryMiner, "hr_nominal", "summary.miner.hr_nominal"), factor),
            PowerWatts = fields.Number(summaryMiner, "power_consumption", "summary.miner.power_consumption"),
            ChipTempMaxC = fields.Number(chipTemp, "max", "summary.miner.chip_temp.max"),
            ChipTempMinC = fields.Number(chipTemp, "min", "summary.miner.chip_temp.min"),
            BoardTempMaxC = fields.Number(pcbTemp, "max", "summary.miner.pcb_temp.max"),
            BoardTempMinC = fields.Number(pcbTemp, "min", "summary.miner.pcb_temp.min"),
            FanDutyPercent = fields.Number(cooling, "fan_duty", "summary.miner.cooling.fan_duty"),
            HardwareErrors = fields.Integer(summaryMiner, "hw_errors", "summary.miner.hw_errors"),
            UptimeSeconds = uptime,
            Preset = ReadPreset(fields, documents.PerfSummary),
            Fans = ReadFans(fields, cooling),
            Boards = ReadBoards(fields, summaryMiner, documents.Boards, factor),
            Pools = ReadPools(fields, summaryMiner),
        };

        return sample with { Problems = problems.Count > 0 ? problems.Distinct().ToArray() : null };
    }

    private static double? HashrateFactor(JsonFields fields, JsonElement? info, List<string> problems)
    {
        if (info is null)
        {
            problems.Add("info: not read, so the hashrate unit (hr_measure) is unknown and hashrates are left out.");
            return null;
        }

        var declared = fields.Text(info, "hr_measure", "info.hr_measure");
        var factor = HashrateUnit.ToHashesPerSecondFactor(declared);
        if (factor is null)
        {
            problems.Add(declared is null
                ? "info.hr_measure: missing, so hashrates are left out."
                : $"info.hr_measure: unit '{declared}' is not known, so hashrates are left out.");
        }

        return factor;
    }

    private static string? FirmwareText(JsonFields fields, JsonElement? info)
    {
        var name = fields.Text(info, "fw_name", "info.fw_name")?.Trim();
        var version = fields.Text(info, "fw_version", "info.fw_version")?.Trim();
        if (string.IsNullOrEmpty(version))
        {
            return null;
        }

        return string.IsNullOrEmpty(name) ? version : $"{name} {version}";
    }

    private static double? Scale(double? value, double? factor) => value is null || factor is null ? null : value * factor;

    private static string? ReadPreset(JsonFields fields, JsonElement? perfSummary)
    {
        var preset = fields.Object(perfSummary, "current_preset", "perf-summary.current_preset");
        return fields.Text(preset, "pretty", "perf-summary.current_preset.pretty")
            ?? fields.Text(preset, "name", "perf-summary.current_preset.name");
    }

    private static FanSample[]? ReadFans(JsonFields fields, JsonElement? cooling)
    {
        if (fields.Array(cooling, "fans", "summary.miner.cooling.fans") is not { } fans)
        {
            return null;
        }

        var result = new List<FanSample>();
        var position = 0;
        foreach (var fan in fans.EnumerateArray())
        {
            var path = $"summary.miner.cooling.fans[{position}]";
            var id = fields.Integer(fan, "id", path + ".id") ?? position;
            result.Add(new FanSample
            {
                Id = (int)id,
                Rpm = fields.Number(fan, "rpm", path + ".rpm"),
                MaxRpm = fields.Number(fan, "max_rpm", path + ".max_rpm"),
                Status = fields.Text(fan, "status", path + ".status"),
            });
            position++;
        }

        return result.ToArray();
    }

    private static IReadOnlyList<BoardSample>? ReadBoards(JsonFields fields, JsonElement? summaryMiner, JsonElement? boardsDocument, double? factor)
    {
        var merger = new BoardMerger();
        var chains = fields.Array(summaryMiner, "chains", "summary.miner.chains");
        if (chains is { } summaryChains)
        {
            var position = 0;
            foreach (var chain in summaryChains.EnumerateArray())
            {
                if (SummaryChain(fields, chain, $"summary.miner.chains[{position++}]", factor) is { } board)
                {
                    merger.Add(board);
                }
            }
        }

        var hasBoardList = boardsDocument is { ValueKind: JsonValueKind.Array };
        if (boardsDocument is { } list && !hasBoardList)
        {
            fields.Problems.Add("boards: expected an array.");
        }
        else if (hasBoardList)
        {
            var position = 0;
            foreach (var entry in boardsDocument!.Value.EnumerateArray())
            {
                if (BoardEntry(fields, entry, $"boards[{position++}]", factor) is { } board)
                {
                    merger.Add(board);
                }
            }
        }

        return merger.ToList(chains is not null || hasBoardList);
    }

    private static BoardSample? SummaryChain(JsonFields fields, JsonElement chain, string path, double? factor)
    {
        if (fields.Integer(chain, "id", path + ".id") is not { } id)
        {
            fields.Problems.Add($"{path}: board without an id left out.");
            return null;
        }

        var status = fields.Object(chain, "status", path + ".status");
        var chipTemp = fields.Object(chain, "chip_temp", path + ".chip_temp");
        var pcbTemp = fields.Object(chain, "pcb_temp", path + ".pcb_temp");
        var grades = fields.Object(chain, "chip_statuses", path + ".chip_statuses");
        var grey = fields.Integer(grades, "grey", path + ".chip_statuses.grey");
        var orange = fields.Integer(grades, "orange", path + ".chip_statuses.orange");
        var red = fields.Integer(grades, "red", path + ".chip_statuses.red");
        return new BoardSample
        {
            Id = (int)id,
            State = fields.Text(status, "state", path + ".status.state"),
            Description = fields.Text(status, "description", path + ".status.description"),
            HashrateRealtimeHps = Scale(fields.Number(chain, "hashrate_rt", path + ".hashrate_rt"), factor),
            HashrateNominalHps = Scale(fields.Number(chain, "hashrate_ideal", path + ".hashrate_ideal"), factor),
            ChipTempMaxC = fields.Number(chipTemp, "max", path + ".chip_temp.max"),
            ChipTempMinC = fields.Number(chipTemp, "min", path + ".chip_temp.min"),
            BoardTempMaxC = fields.Number(pcbTemp, "max", path + ".pcb_temp.max"),
            BoardTempMinC = fields.Number(pcbTemp, "min", path + ".pcb_temp.min"),
            InletWaterTempC = fields.Number(chain, "inlet_water_temp", path + ".inlet_water_temp"),
            OutletWaterTempC = fields.Number(chain, "outlet_water_temp", path + ".outlet_water_temp"),
            ChipsGrey = (int?)grey,
            ChipsOrange = (int?)orange,
            ChipsRed = (int?)red,
            ChipCount = grey is null || orange is null || red is null ? null : (int)(grey + orange + red),
            FrequencyHz = fields.Number(chain, "frequency", path + ".frequency") * 1e6,

            // NOTE: chain voltage is taken as millivolts (1380 on an L7), but no capture from a real miner confirms the unit.
            VoltageVolts = fields.Number(chain, "voltage", path + ".voltage") / 1000,
            PowerWatts = fields.Number(chain, "power_consumption", path + ".power_consumption"),
            HardwareErrors = fields.Integer(chain, "hw_errors", path + ".hw_errors"),
        };
    }

    private static BoardSample? BoardEntry(JsonFields fields, JsonElement entry, string path, double? factor)
    {
        if (fields.Integer(entry, "id", path + ".id") is not { } id)
        {
            fields.Problems.Add($"{path}: board without an id left out.");
            return null;
        }

        var status = fields.Object(entry, "status", path + ".status");
        int? chipCount = null, grey = null, orange = null, red = null;
        if (fields.Array(entry, "chips", path + ".chips") is { } chips)
        {
            chipCount = grey = orange = red = 0;
            foreach (var chip in chips.EnumerateArray())
            {
                chipCount++;
                switch (JsonFields.Property(chip, "grade")?.ToString())
                {
                    case "grey": grey++; break;
                    case "orange": orange++; break;
                    case "red": red++; break;
                }
            }
        }

        return new BoardSample
        {
            Id = (int)id,
            State = fields.Text(status, "state", path + ".status.state"),
            Description = fields.Text(status, "failure_message", path + ".status.failure_message"),
            HashrateRealtimeHps = Scale(fields.Number(entry, "hr_realtime", path + ".hr_realtime"), factor),
            HashrateNominalHps = Scale(fields.Number(entry, "hr_nominal", path + ".hr_nominal"), factor),
            FrequencyHz = fields.Number(entry, "freq", path + ".freq") * 1e6,
            ChipCount = chipCount,
            ChipsGrey = grey,
            ChipsOrange = orange,
            ChipsRed = red,
        };
    }

    private static PoolSample[]? ReadPools(JsonFields fields, JsonElement? summaryMiner)
    {
        if (fields.Array(summaryMiner, "pools", "summary.miner.pools") is not { } pools)
        {
            return null;
        }

        var result = new List<PoolSample>();
        var position = 0;
        foreach (var pool in pools.EnumerateArray())
        {
            var path = $"summary.miner.pools[{position++}]";
            var type = fields.Text(pool, "pool_type", path + ".pool_type");
            var url = fields.Text(pool, "url", path + ".url");
            if (PoolFilter.IsFeePool(type, url, fields.Text(pool, "user", path + ".user")) || string.IsNullOrWhiteSpace(url))
            {
                continue;
            }

            var lastShare = fields.Text(pool, "ls_time", path + ".ls_time");
            result.Add(new PoolSample
            {
                Url = url,
                User = fields.Text(pool, "user", path + ".user"),
                Status = fields.Text(pool, "status", path + ".status"),
                Accepted = fields.Integer(pool, "accepted", path + ".accepted"),
                Rejected = fields.Integer(pool, "rejected", path + ".rejected"),
                Stale = fields.Integer(pool, "stale", path + ".stale"),
                DifficultyAccepted = fields.Number(pool, "diffa", path + ".diffa"),
                LastShareAgeSeconds = ParseDuration(fields, lastShare, path + ".ls_time"),
            });
        }

        return result.ToArray();
    }

    /// <summary>Reads <c>H:MM:SS</c> or <c>M:SS</c> durations such as <c>0:00:14</c>. Empty text is unknown.</summary>
    internal static double? ParseDuration(JsonFields fields, string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split(':');
        double seconds = 0;
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                fields.Problems.Add($"{path}: '{text}' is not a duration.");
                return null;
            }

            seconds = (seconds * 60) + value;
        }

        return seconds;
    }
}
