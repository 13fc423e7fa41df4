using System.Globalization;
using FleetServerless.Core.Profitability;

namespace FleetServerless.Cloud.Profitability.Network;

/// <summary>
/// Computes the network estimate (LTC plus merge-mined DOGE) from the first source, in the configured order,
/// that has each figure no older than the maximum age. The block rewards come from a source when one gives
/// them, else from configuration. Missing inputs give "unknown" with the reason, never a made-up figure.
/// </summary>
public sealed class NetworkEstimator(IReadOnlyList<CachedNetworkSource> sources, NetworkEstimateOptions options, TimeProvider time)
{
    public const string ConfigurationSource = "configuration";

    public async Task<NetworkEstimate> EstimateAsync(double hashrateHps, CancellationToken cancellationToken)
    {
        var readings = new List<SourceReading>();
        foreach (var source in sources)
        {
            readings.Add(await source.ReadAsync(cancellationToken));
        }

        var now = time.GetUtcNow();
        var inputs = new Dictionary<string, SourcedFigure>(StringComparer.Ordinal);
        Pick(inputs, "ltcDifficulty", readings, o => o.LtcDifficulty, now);
        Pick(inputs, "ltcPriceUsd", readings, o => o.LtcPriceUsd, now);
        if (!Pick(inputs, "ltcBlockRewardCoins", readings, o => o.LtcBlockRewardCoins, now))
        {
            inputs["ltcBlockRewardCoins"] = new SourcedFigure(options.LtcBlockRewardCoins, ConfigurationSource, null, null);
        }

        if (options.IncludeDoge)
        {
            Pick(inputs, "dogeDifficulty", readings, o => o.DogeDifficulty, now);
            Pick(inputs, "dogePriceUsd", readings, o => o.DogePriceUsd, now);
            inputs["dogeBlockRewardCoins"] = new SourcedFigure(options.DogeBlockRewardCoins, ConfigurationSource, null, null);
        }

        var revenue = NetworkEstimateCalculator.Compute(hashrateHps, new NetworkInputs
        {
            LtcDifficulty = Value(inputs, "ltcDifficulty"),
            LtcBlockRewardCoins = Value(inputs, "ltcBlockRewardCoins"),
            LtcPriceUsd = Value(inputs, "ltcPriceUsd"),
            DogeDifficulty = Value(inputs, "dogeDifficulty"),
            DogeBlockRewardCoins = Value(inputs, "dogeBlockRewardCoins"),
            DogePriceUsd = Value(inputs, "dogePriceUsd"),
        });

        var errors = readings.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        if (sources.Count == 0)
        {
            errors.Add("No network source is configured: set Profitability:Network:BlockchairBaseUrl, CoinGeckoBaseUrl or WhatToMineBaseUrl.");
        }

        var warnings = readings.Where(r => r.Observation is not null).SelectMany(r => r.Observation!.Problems).ToList();
        CrossCheckDifficulty(readings, warnings);
        var (status, reason) = Classify(inputs, revenue, errors);
        return new NetworkEstimate
        {
            Status = status,
            Reason = reason,
            HashrateHps = hashrateHps,
            LtcPerDay = revenue.Ltc,
            DogePerDay = options.IncludeDoge ? revenue.Doge : null,
            GrossRevenueUsd = revenue.Usd,
            Inputs = inputs,
            SourceErrors = errors,
            Warnings = warnings,
            ComputedAt = now,
        };
    }

    private (string Status, string? Reason) Classify(Dictionary<string, SourcedFigure> inputs, RevenuePerDay revenue, List<string> errors)
    {
        var sourceNote = errors.Count == 0 ? "" : " Sources: " + string.Join(" ", errors);
        if (revenue.Usd is null)
        {
            var missing = new[] { "ltcDifficulty", "ltcPriceUsd" }.Where(name => !inputs.ContainsKey(name)).ToList();
            return (NetworkEstimateStatus.Unknown, $"No source gave {string.Join(" or ", missing)} within {options.MaxAgeSeconds} s.{sourceNote}");
        }

        if (options.IncludeDoge && (revenue.Doge is null || !inputs.ContainsKey("dogePriceUsd")))
        {
            var missing = new[] { "dogeDifficulty", "dogePriceUsd" }.Where(name => !inputs.ContainsKey(name)).ToList();
            return (NetworkEstimateStatus.Partial, $"The DOGE term is left out: no source gave {string.Join(" or ", missing)}.{sourceNote}");
        }

        return (NetworkEstimateStatus.Ok, null);
    }

    private bool Pick(Dictionary<string, SourcedFigure> inputs, string name, List<SourceReading> readings, Func<NetworkObservation, double?> select, DateTimeOffset now)
    {
        foreach (var reading in readings)
        {
            if (reading.Observation is not { } observation || select(observation) is not { } value)
            {
                continue;
            }

            var age = (now - observation.ObservedAt).TotalSeconds;
            if (age > options.MaxAgeSeconds)
            {
                continue;
            }

            inputs[name] = new SourcedFigure(value, reading.Source, observation.ObservedAt, Math.Max(0, age));
            return true;
        }

        return false;
    }

    private void CrossCheckDifficulty(List<SourceReading> readings, List<string> warnings)
    {
        var values = readings
            .Where(r => r.Observation?.LtcDifficulty is not null)
            .Select(r => (r.Source, Difficulty: r.Observation!.LtcDifficulty!.Value))
            .ToList();
        for (var i = 1; i < values.Count; i++)
        {
            var difference = Math.Abs(values[i].Difficulty - values[0].Difficulty) / values[0].Difficulty * 100;
            if (difference > options.CrossCheckTolerancePercent)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Litecoin difficulty from {values[0].Source} ({values[0].Difficulty:0.####}) and {values[i].Source} ({values[i].Difficulty:0.####}) differ by {difference:0.#} %."));
            }
        }
    }

    private static double? Value(Dictionary<string, SourcedFigure> inputs, string name) =>
        inputs.TryGetValue(name, out var figure) ? figure.Value : null;
}
