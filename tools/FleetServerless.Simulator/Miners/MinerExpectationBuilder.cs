using System.Globalization;

namespace FleetServerless.Simulator.Miners;

/// <summary>Derives a miner's reported values from its kind, its index and its faults, deterministically.</summary>
internal static class MinerExpectationBuilder
{
    public static MinerExpectation Build(SimulatedMiner miner)
    {
        var profile = MinerProfile.For(miner.Kind);
        var faults = miner.Faults;
        var index = miner.Index;

        // Variation from -5 to +5 steps, so neighbouring miners differ slightly but every run is the same.
        var variation = (index % 11) - 5;
        var chipTempMax = 70 + (index % 5);
        var chipTempMin = 55 + (index % 3);
        var boardTempMax = 60 + (index % 4);
        var boardTempMin = 45;
        var hydro = faults.HasFlag(MinerFaults.Hydro);

        var boardCount = profile.BoardNominal.Length - (faults.HasFlag(MinerFaults.MissingBoard) ? 1 : 0);
        var boards = new List<BoardExpectation>(boardCount);
        for (var b = 0; b < boardCount; b++)
        {
            var id = b + 1;
            var failed = faults.HasFlag(MinerFaults.Failure) && id == SimulatedMiner.FailedBoardId;
            var realtime = failed ? 0 : profile.BoardRealtime[b] + (variation * profile.VariationStep);
            var nominal = profile.BoardNominal[b];
            var power = profile.PowerWatts / profile.BoardNominal.Length;
            boards.Add(new BoardExpectation
            {
                Id = id,
                State = failed ? "failure" : "mining",
                Description = failed ? SimulatedMiner.FailedBoardDescription : null,
                HashrateRealtime = realtime,
                HashrateNominal = nominal,
                HashrateRealtimeHps = realtime * profile.HashrateUnitFactor,
                HashrateNominalHps = nominal * profile.HashrateUnitFactor,
                ChipCount = profile.ChipsPerBoard,
                ChipsOrange = id == 1 ? 1 : 0,
                ChipsRed = failed ? profile.ChipsPerBoard : 0,
                ChipsGrey = failed ? 0 : profile.ChipsPerBoard - (id == 1 ? 1 : 0),

                // Board 1 is the hottest, the last board the coolest, so the miner's max and min come from them.
                ChipTempMaxC = chipTempMax - b,
                ChipTempMinC = chipTempMin + (boardCount - 1 - b),
                BoardTempMaxC = boardTempMax - b,
                BoardTempMinC = boardTempMin + (boardCount - 1 - b),
                InletWaterTempC = hydro ? 30 : null,
                OutletWaterTempC = hydro ? 38 + b : null,
                FrequencyMhz = profile.FrequencyMhz,
                VoltageMillivolts = profile.VoltageMillivolts,
                PowerWatts = failed ? 0 : power,
                HardwareErrors = 4 + b,
            });
        }

        var realtimeTotal = boards.Sum(b => b.HashrateRealtime);
        var nominalTotal = profile.BoardNominal.Sum();
        var averageTotal = realtimeTotal == 0 ? 0 : realtimeTotal - profile.AverageBelowRealtime;
        var starting = faults.HasFlag(MinerFaults.Starting);
        var failure = faults.HasFlag(MinerFaults.Failure);
        var uptime = starting ? 360 : UptimeSecondsFor(index);

        return new MinerExpectation
        {
            Name = miner.Name,
            Host = miner.Host,
            TcpPort = miner.TcpPort,
            Mac = miner.Kind == SimulatedMinerKind.TcpOnlyL3Plus ? null : miner.Mac,
            Kind = miner.Kind,
            Model = profile.Model,
            FirmwareVersion = miner.Kind == SimulatedMinerKind.TcpOnlyL3Plus ? "024" : miner.FirmwareVersion,
            Algorithm = profile.Algorithm,
            HashrateUnit = profile.HashrateUnit,
            HashrateUnitFactor = profile.HashrateUnitFactor,
            HashrateRealtime = realtimeTotal,
            HashrateAverage = averageTotal,
            HashrateNominal = nominalTotal,
            HashrateRealtimeHps = realtimeTotal * profile.HashrateUnitFactor,
            HashrateAverageHps = averageTotal * profile.HashrateUnitFactor,
            HashrateNominalHps = nominalTotal * profile.HashrateUnitFactor,
            PowerWatts = boards.Sum(b => b.PowerWatts),
            ChipTempMaxC = chipTempMax,
            ChipTempMinC = chipTempMin,
            BoardTempMaxC = boardTempMax,
            BoardTempMinC = boardTempMin,
            FanDutyPercent = hydro ? 0 : 60,
            HardwareErrors = boards.Sum(b => (long)b.HardwareErrors),
            UptimeSeconds = uptime,
            UptimeText = FormatUptime(uptime),
            State = StateFor(starting, failure),
            StateDescription = failure && !starting ? SimulatedMiner.FailureDescription : null,
            IsStarting = starting,
            Preset = miner.Kind == SimulatedMinerKind.TcpOnlyL3Plus ? null : profile.PresetLabel,
            Boards = boards,
            Fans = hydro ? [] : BuildFans(profile, index, faults.HasFlag(MinerFaults.LostFan)),
            UserPoolCount = 2,
        };
    }

    private static string StateFor(bool starting, bool failure)
    {
        if (starting)
        {
            return "starting";
        }

        return failure ? "failure" : "mining";
    }

    /// <summary>Spreads uptimes over the three text forms the firmware writes: days, one day, and under a day.</summary>
    private static long UptimeSecondsFor(int index) => (index % 3) switch
    {
        0 => (2 * 86400) + (3 * 3600) + (14 * 60) + ((index % 50) * 60),
        1 => 86400 + (5 * 3600) + ((index % 50) * 60),
        _ => (2 * 3600) + (38 * 60) + ((index % 20) * 60),
    };

    /// <summary>Writes uptime as Vnish does: <c>H:MM</c> under a day, else <c>N day(s), HH:MM</c>.</summary>
    internal static string FormatUptime(long seconds)
    {
        var days = seconds / 86400;
        var hours = seconds % 86400 / 3600;
        var minutes = seconds % 3600 / 60;
        return days == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}:{minutes:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{days} {(days == 1 ? "day" : "days")}, {hours:D2}:{minutes:D2}");
    }

    private static List<FanExpectation> BuildFans(MinerProfile profile, int index, bool lostFan)
    {
        var fans = new List<FanExpectation>(profile.FanCount);
        for (var id = 0; id < profile.FanCount; id++)
        {
            var lost = lostFan && id == 1;
            fans.Add(new FanExpectation(id, lost ? 0 : 4800 + (60 * (index % 3)) + (30 * id), 6000, lost ? "lost" : "ok"));
        }

        return fans;
    }
}
