namespace FleetServerless.Core.Profitability;

/// <summary>Matches pool workers to miners and compares their hashrates. Pure: no clock, no I/O.</summary>
public static class HashrateComparer
{
    /// <summary>
    /// Compares each miner with the pool workers whose name matches its worker (<see cref="WorkerName.Matches"/>),
    /// summing the connections under one name. A worker matched by several miners counts for the first only.
    /// </summary>
    public static HashrateComparison Compare(IEnumerable<MinerSideHashrate> miners, IEnumerable<PoolSideHashrate> workers)
    {
        ArgumentNullException.ThrowIfNull(miners);
        ArgumentNullException.ThrowIfNull(workers);

        var poolWorkers = workers.ToList();
        var claimed = new bool[poolWorkers.Count];
        var results = new List<MinerHashrateComparison>();
        var unseen = new List<string>();

        foreach (var miner in miners.OrderBy(m => m.MinerId, StringComparer.Ordinal))
        {
            var matches = MatchWorkers(miner, poolWorkers, claimed);
            if (matches.Count == 0)
            {
                unseen.Add(miner.MinerId);
                results.Add(new MinerHashrateComparison(miner.MinerId, miner.Worker?.ToString(), miner.HashrateHps, null, null));
                continue;
            }

            var poolSide = SumOrNull(matches.Select(w => w.HashrateHps));
            results.Add(new MinerHashrateComparison(
                miner.MinerId, miner.Worker?.ToString(), miner.HashrateHps, poolSide, Ratio(poolSide, miner.HashrateHps)));
        }

        var unclaimed = poolWorkers
            .Where((_, index) => !claimed[index])
            .Select(w => w.Worker.ToString())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

        var compared = results.Where(r => r.MinerSideHps is not null && r.PoolSideHps is not null).ToList();
        var fleetMiner = compared.Count == 0 ? (double?)null : compared.Sum(r => r.MinerSideHps!.Value);
        var fleetPool = compared.Count == 0 ? (double?)null : compared.Sum(r => r.PoolSideHps!.Value);
        return new HashrateComparison
        {
            Miners = results,
            FleetMinerSideHps = fleetMiner,
            FleetPoolSideHps = fleetPool,
            FleetRatio = Ratio(fleetPool, fleetMiner),
            UnclaimedWorkers = unclaimed,
            UnseenMiners = unseen,
        };
    }

    private static List<PoolSideHashrate> MatchWorkers(MinerSideHashrate miner, List<PoolSideHashrate> workers, bool[] claimed)
    {
        var matches = new List<PoolSideHashrate>();
        if (miner.Worker is null)
        {
            return matches;
        }

        for (var i = 0; i < workers.Count; i++)
        {
            if (!claimed[i] && workers[i].Worker.Matches(miner.Worker))
            {
                claimed[i] = true;
                matches.Add(workers[i]);
            }
        }

        return matches;
    }

    private static double? Ratio(double? poolSide, double? minerSide) =>
        poolSide is null || minerSide is not > 0 ? null : poolSide.Value / minerSide.Value;

    private static double? SumOrNull(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count == 0 ? null : known.Sum();
    }
}
