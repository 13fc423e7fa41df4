using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetServerless.Core.Telemetry;
using FleetServerless.Core.Units;
using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Turns CGMiner-style TCP API replies into a <see cref="MinerSample"/>. The <c>GHS 5s</c> and <c>GHS av</c> keys
/// carry whatever unit the miner hashes in (MH/s on an L3+ or L7), so the unit comes from <c>stats</c>
/// <c>rate_unit</c>, else from the algorithm of the model in <c>STATS[0].Type</c>, never from the key name.
/// </summary>
public static partial class CgminerNormalizer
{
    public static MinerSample Normalize(
        MinerOptions miner, CgminerReplies replies, DateTimeOffset collectedAt, IEnumerable<string>? readProblems = null)
    {
        ArgumentNullException.ThrowIfNull(miner);
        ArgumentNullException.ThrowIfNull(replies);
        var problems = new List<string>(readProblems ?? []);
        var fields = new JsonFields(problems);

        var summary = FirstOf(fields, replies.Summary, "SUMMARY");
        var statsEntries = fields.Array(replies.Stats, "STATS", "stats.STATS");
        var header = statsEntries?.EnumerateArray().FirstOrDefault(e => JsonFields.Property(e, "Type") is not null);
        var detail = statsEntries?.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object && HasChainKeys(e));

        var (model, firmware) = MinerTypeText.Parse(fields.Text(header, "Type", "stats.STATS[0].Type"));
        var algorithm = AlgorithmOfModel(model);
        var factor = HashrateFactor(fields, detail, algorithm, replies.Stats is not null, problems);

        var realtime = fields.Number(summary, "GHS 5s", "summary.GHS 5s") ?? fields.Number(detail, "GHS 5s", "stats.GHS 5s");
        var boards = ReadBoards(fields, detail, factor);
        var fans = ReadFans(fields, detail);

        var sample = new MinerSample
        {
            MinerId = miner.Name,
            Host = miner.Host,
            CollectedAt = collectedAt,
            Answered = true,
            Api = MinerApis.CgminerTcp,
            Model = model,
            Firmware = firmware,
            Algorithm = algorithm,

            // NOTE: the TCP API reports no miner state; a miner that hashes is taken as mining, else the state is unknown.
            State = realtime > 0 ? MinerStates.Mining : null,
            HashrateRealtimeHps = Scale(realtime, factor),
            HashrateAverageHps = Scale(fields.Number(summary, "GHS av", "summary.GHS av") ?? fields.Number(detail, "GHS av", "stats.GHS av"), factor),
            HashrateNominalHps = Scale(fields.Number(detail, "total_rateideal", "stats.total_rateideal"), factor),
            ChipTempMaxC = boards?.Max(b => b.ChipTempMaxC),
            ChipTempMinC = boards?.Min(b => b.ChipTempMaxC),
            BoardTempMaxC = boards?.Max(b => b.BoardTempMaxC),
            BoardTempMinC = boards?.Min(b => b.BoardTempMaxC),
            HardwareErrors = fields.Integer(summary, "Hardware Errors", "summary.Hardware Errors"),
            UptimeSeconds = fields.Number(summary, "Elapsed", "summary.Elapsed") ?? fields.Number(detail, "Elapsed", "stats.Elapsed"),
            Fans = fans,
            Boards = boards,
            Pools = ReadPools(fields, replies.Pools, collectedAt),
        };

        return sample with { Problems = problems.Count > 0 ? problems.Distinct().ToArray() : null };
    }

    /// <summary>The algorithm of a model name: Antminer L-series (L3+, L7, L9) hash scrypt, S- and T-series sha256d.</summary>
    internal static string? AlgorithmOfModel(string? model)
    {
        if (model is null)
        {
            return null;
        }

        var match = ModelPattern().Match(model);
        if (!match.Success)
        {
            return null;
        }

        return char.ToUpperInvariant(match.Groups["series"].Value[0]) switch
        {
            'L' => "scrypt",
            'S' or 'T' => "sha256d",
            _ => null,
        };
    }

    private static double? HashrateFactor(JsonFields fields, JsonElement? detail, string? algorithm, bool statsRead, List<string> problems)
    {
        var declared = fields.Text(detail, "rate_unit", "stats.rate_unit");
        if (declared is not null)
        {
            var factor = HashrateUnit.ToHashesPerSecondFactor(declared);
            if (factor is null)
            {
                problems.Add($"stats.rate_unit: unit '{declared}' is not known, so hashrates are left out.");
            }

            return factor;
        }

        switch (algorithm)
        {
            case "scrypt":
                return HashrateUnit.MegaHashesPerSecond;
            case "sha256d":
                return HashrateUnit.GigaHashesPerSecond;
            default:
                problems.Add(statsRead
                    ? "stats: no rate_unit and no known model, so the hashrate unit is unknown and hashrates are left out."
                    : "stats: not read, so the hashrate unit is unknown and hashrates are left out.");
                return null;
        }
    }

    private static double? Scale(double? value, double? factor) => value is null || factor is null ? null : value * factor;

    private static JsonElement? FirstOf(JsonFields fields, JsonElement? reply, string section)
    {
        var array = fields.Array(reply, section, $"{section.ToLowerInvariant()}.{section}");
        return array is { } items && items.GetArrayLength() > 0 ? items[0] : null;
    }

    private static bool HasChainKeys(JsonElement entry) =>
        entry.EnumerateObject().Any(p => p.Name.StartsWith("chain_", StringComparison.Ordinal) || p.Name == "GHS 5s");

    private static BoardSample[]? ReadBoards(JsonFields fields, JsonElement? detail, double? factor)
    {
        if (detail is not { } stats)
        {
            return null;
        }

        var ids = stats.EnumerateObject()
            .Select(p => ChainCountKey().Match(p.Name))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .Order();

        var boards = new List<BoardSample>();
        foreach (var id in ids)
        {
            var chipCount = fields.Integer(stats, $"chain_acn{id}", $"stats.chain_acn{id}");
            var rateValue = JsonFields.Property(stats, $"chain_rate{id}");

            // An absent chain slot reports no chips and an empty rate string.
            if (chipCount is null or 0 && (rateValue is null || rateValue.Value.ToString().Trim().Length == 0))
            {
                continue;
            }

            var (good, bad) = CountChipStatus(fields.Text(stats, $"chain_acs{id}", $"stats.chain_acs{id}"));
            var first = fields.Number(stats, $"temp{id}", $"stats.temp{id}");
            var second = fields.Number(stats, $"temp2_{id}", $"stats.temp2_{id}");
            boards.Add(new BoardSample
            {
                Id = id,
                HashrateRealtimeHps = Scale(fields.ToNumber(rateValue, $"stats.chain_rate{id}"), factor),

                // Firmware lines disagree on which of temp and temp2 is the chip sensor, so the hotter one is taken as the
                // chip, because chips run hotter than the PCB.
                ChipTempMaxC = MaxOf(first, second),
                BoardTempMaxC = first is not null && second is not null ? Math.Min(first.Value, second.Value) : null,
                ChipCount = (int?)chipCount,
                ChipsGrey = good,
                ChipsRed = bad,
                HardwareErrors = fields.Integer(stats, $"chain_hw{id}", $"stats.chain_hw{id}"),
            });
        }

        return boards.ToArray();
    }

    /// <summary>Counts <c>o</c> (good) and <c>x</c> or <c>-</c> (bad) in a <c>chain_acs</c> string, or null when it is absent.</summary>
    internal static (int? Good, int? Bad) CountChipStatus(string? chainAcs)
    {
        if (chainAcs is null)
        {
            return (null, null);
        }

        var good = chainAcs.Count(c => c == 'o');
        var bad = chainAcs.Count(c => c is 'x' or '-');
        return (good, bad);
    }

    /// <summary>
    /// Reads <c>fan1..N</c>. Some models start their fans at a later slot, so leading zero slots beyond
    /// <c>fan_num</c> are dropped, then trailing ones. A fan at 0 rpm is <c>lost</c>.
    /// </summary>
    private static FanSample[]? ReadFans(JsonFields fields, JsonElement? detail)
    {
        if (detail is not { } stats)
        {
            return null;
        }

        var slots = stats.EnumerateObject()
            .Select(p => (Match: FanKey().Match(p.Name), p.Name))
            .Where(x => x.Match.Success)
            .Select(x => (Slot: int.Parse(x.Match.Groups["id"].Value, CultureInfo.InvariantCulture), Rpm: fields.Number(stats, x.Name, "stats." + x.Name)))
            .OrderBy(x => x.Slot)
            .ToList();

        var fanCount = fields.Integer(stats, "fan_num", "stats.fan_num");
        if (fanCount is { } expected)
        {
            while (slots.Count > expected && slots[0].Rpm is null or 0)
            {
                slots.RemoveAt(0);
            }

            while (slots.Count > expected && slots[^1].Rpm is null or 0)
            {
                slots.RemoveAt(slots.Count - 1);
            }
        }

        return slots.Select((s, i) => new FanSample { Id = i, Rpm = s.Rpm, Status = FanStatus(s.Rpm) }).ToArray();
    }

    private static PoolSample[]? ReadPools(JsonFields fields, JsonElement? reply, DateTimeOffset collectedAt)
    {
        if (fields.Array(reply, "POOLS", "pools.POOLS") is not { } pools)
        {
            return null;
        }

        var result = new List<PoolSample>();
        var position = 0;
        foreach (var pool in pools.EnumerateArray())
        {
            var path = $"pools.POOLS[{position++}]";
            var url = fields.Text(pool, "URL", path + ".URL");
            var user = fields.Text(pool, "User", path + ".User");
            if (string.IsNullOrWhiteSpace(url) || PoolFilter.IsFeePool(null, url, user))
            {
                continue;
            }

            result.Add(new PoolSample
            {
                Url = url,
                User = user,
                Status = PoolStatus(fields.Text(pool, "Status", path + ".Status"), fields.Boolean(pool, "Stratum Active", path + ".Stratum Active")),
                Accepted = fields.Integer(pool, "Accepted", path + ".Accepted"),
                Rejected = fields.Integer(pool, "Rejected", path + ".Rejected"),
                Stale = fields.Integer(pool, "Stale", path + ".Stale"),
                DifficultyAccepted = fields.Number(pool, "Difficulty Accepted", path + ".Difficulty Accepted"),
                LastShareAgeSeconds = LastShareAge(fields, JsonFields.Property(pool, "Last Share Time"), path + ".Last Share Time", collectedAt),
            });
        }

        return result.ToArray();
    }

    /// <summary>Maps CGMiner pool status to the web API's words: the active stratum pool is <c>active</c>.</summary>
    private static string? PoolStatus(string? status, bool? stratumActive) => status?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "alive" => stratumActive == true ? "active" : "working",
        "dead" => "offline",
        "disabled" => "disabled",
        "rejecting" => "rejecting",
        _ => "unknown",
    };

    /// <summary>Reads <c>Last Share Time</c>: a Unix time in seconds, or a duration such as <c>0:00:14</c>. A 0 means no share yet.</summary>
    private static double? LastShareAge(JsonFields fields, JsonElement? value, string path, DateTimeOffset collectedAt)
    {
        if (value is not { } element)
        {
            return null;
        }

        var text = element.ToString().Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return VnishNormalizer.ParseDuration(fields, text, path);
        }

        var unixSeconds = fields.ToNumber(element, path);
        if (unixSeconds is null or <= 0)
        {
            return null;
        }

        return Math.Max(0, collectedAt.ToUnixTimeSeconds() - unixSeconds.Value);
    }

    private static string? FanStatus(double? rpm)
    {
        if (rpm is null)
        {
            return null;
        }

        return rpm > 0 ? "ok" : "lost";
    }

    private static double? MaxOf(double? a, double? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        return Math.Max(a.Value, b.Value);
    }

    [GeneratedRegex(@"^chain_acn(?<id>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChainCountKey();

    [GeneratedRegex(@"^fan(?<id>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FanKey();

    [GeneratedRegex(@"\b(?:Antminer\s+)?(?<series>[LST])\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModelPattern();
}
