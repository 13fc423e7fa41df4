namespace FleetServerless.Core.Telemetry;

/// <summary>
/// Checks a whole batch before anything is written. A batch with any problem is rejected whole.
/// </summary>
public static class BatchValidator
{
    /// <summary>The largest batch accepted; a relay splits larger ones.</summary>
    public const int MaxSamplesPerBatch = 10_000;

    /// <summary>How far in the future a timestamp may be before it is taken for a wrong relay clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    /// <summary>Returns every problem found; an empty list means the batch is valid.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(TelemetryBatch batch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var problems = new List<ValidationProblem>();

        ValidateHeader(batch, now, problems);

        if (batch.Samples is null)
        {
            problems.Add(new("samples", "is missing; send an empty array when no miner is configured."));
            return problems;
        }

        if (batch.Samples.Count > MaxSamplesPerBatch)
        {
            problems.Add(new("samples", $"has {batch.Samples.Count} samples, more than the {MaxSamplesPerBatch} allowed; split the batch."));
        }

        for (var i = 0; i < batch.Samples.Count; i++)
        {
            ValidateSample(batch.Samples[i], $"samples[{i}]", now, problems);
        }

        return problems;
    }

    private static void ValidateHeader(TelemetryBatch batch, DateTimeOffset now, List<ValidationProblem> problems)
    {
        if (batch.Schema != TelemetryBatch.SchemaName)
        {
            problems.Add(new("schema", $"is '{batch.Schema}'; expected '{TelemetryBatch.SchemaName}'."));
        }

        if (batch.SchemaVersion != TelemetryBatch.CurrentSchemaVersion)
        {
            problems.Add(new("schemaVersion",
                $"is {batch.SchemaVersion}; this server reads version {TelemetryBatch.CurrentSchemaVersion}. Update the relay or the cloud side so they match."));
        }

        RequireKey(batch.SiteId, "siteId", problems);
        RequireKey(batch.RelayId, "relayId", problems);
        RequireKey(batch.BatchId, "batchId", problems);

        if (batch.Sequence < 1)
        {
            problems.Add(new("sequence", $"is {batch.Sequence}; sequence numbers start at 1."));
        }

        if (batch.CreatedAt == default)
        {
            problems.Add(new("createdAt", "is missing."));
        }
        else if (batch.CreatedAt > now + MaxClockSkew)
        {
            problems.Add(new("createdAt", $"is {batch.CreatedAt:O}, in the future; check the relay's clock."));
        }

        if (batch.Relay is { } relay)
        {
            RequireNonNegative(relay.UptimeSeconds, "relay.uptimeSeconds", problems);
            RequireNonNegative(relay.OutboxDepth, "relay.outboxDepth", problems);
            RequireNonNegative(relay.MinersConfigured, "relay.minersConfigured", problems);
            RequireNonNegative(relay.SamplesThinned, "relay.samplesThinned", problems);
        }
    }

    private static void ValidateSample(MinerSample? sample, string path, DateTimeOffset now, List<ValidationProblem> problems)
    {
        if (sample is null)
        {
            problems.Add(new(path, "is null."));
            return;
        }

        RequireKey(sample.MinerId, $"{path}.minerId", problems);

        if (string.IsNullOrWhiteSpace(sample.Host))
        {
            problems.Add(new($"{path}.host", "is missing."));
        }

        if (sample.CollectedAt == default)
        {
            problems.Add(new($"{path}.collectedAt", "is missing."));
        }
        else if (sample.CollectedAt > now + MaxClockSkew)
        {
            problems.Add(new($"{path}.collectedAt", $"is {sample.CollectedAt:O}, in the future; check the relay's clock."));
        }

        RequireNonNegative(sample.HashrateRealtimeHps, $"{path}.hashrateRealtimeHps", problems);
        RequireNonNegative(sample.HashrateAverageHps, $"{path}.hashrateAverageHps", problems);
        RequireNonNegative(sample.HashrateNominalHps, $"{path}.hashrateNominalHps", problems);
        RequireNonNegative(sample.PowerWatts, $"{path}.powerWatts", problems);
        RequireNonNegative(sample.UptimeSeconds, $"{path}.uptimeSeconds", problems);
        RequireNonNegative(sample.HardwareErrors, $"{path}.hardwareErrors", problems);
        RequireTemperature(sample.ChipTempMaxC, $"{path}.chipTempMaxC", problems);
        RequireTemperature(sample.ChipTempMinC, $"{path}.chipTempMinC", problems);
        RequireTemperature(sample.BoardTempMaxC, $"{path}.boardTempMaxC", problems);
        RequireTemperature(sample.BoardTempMinC, $"{path}.boardTempMinC", problems);

        if (sample.Boards is { } boards)
        {
            for (var b = 0; b < boards.Count; b++)
            {
                ValidateBoard(boards[b], $"{path}.boards[{b}]", problems);
            }
        }
    }

    private static void ValidateBoard(BoardSample? board, string path, List<ValidationProblem> problems)
    {
        if (board is null)
        {
            problems.Add(new(path, "is null."));
            return;
        }

        RequireNonNegative(board.HashrateRealtimeHps, $"{path}.hashrateRealtimeHps", problems);
        RequireNonNegative(board.HashrateNominalHps, $"{path}.hashrateNominalHps", problems);
        RequireNonNegative(board.PowerWatts, $"{path}.powerWatts", problems);
        RequireNonNegative(board.ChipCount, $"{path}.chipCount", problems);
        RequireNonNegative(board.ChipsRed, $"{path}.chipsRed", problems);
        RequireTemperature(board.ChipTempMaxC, $"{path}.chipTempMaxC", problems);
        RequireTemperature(board.BoardTempMaxC, $"{path}.boardTempMaxC", problems);
    }

    /// <summary>
    /// Ids become Table Storage keys, which may not contain '/', '\', '#', '?' or control characters.
    /// </summary>
    private static void RequireKey(string? value, string field, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "is missing."));
            return;
        }

        if (value.Length > 200)
        {
            problems.Add(new(field, $"is {value.Length} characters long; at most 200 are allowed."));
        }

        if (value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            problems.Add(new(field, $"'{value}' contains '/', '\\', '#', '?' or a control character; use letters, digits, ':', '-', '_' or '.'."));
        }
    }

    private static void RequireNonNegative(double? value, string field, List<ValidationProblem> problems)
    {
        if (value is null)
        {
            return;
        }

        if (double.IsNaN(value.Value) || double.IsInfinity(value.Value))
        {
            problems.Add(new(field, $"is {value.Value}; send null for an unknown value."));
        }
        else if (value.Value < 0)
        {
            problems.Add(new(field, $"is {value.Value}; it cannot be negative (send null when unknown)."));
        }
    }

    private static void RequireNonNegative(long? value, string field, List<ValidationProblem> problems)
    {
        if (value < 0)
        {
            problems.Add(new(field, $"is {value}; it cannot be negative (send null when unknown)."));
        }
    }

    /// <summary>Rejects readings no chip sensor can produce, which show a unit or parsing error upstream.</summary>
    private static void RequireTemperature(double? value, string field, List<ValidationProblem> problems)
    {
        if (value is null)
        {
            return;
        }

        if (double.IsNaN(value.Value) || value.Value < -60 || value.Value > 200)
        {
            problems.Add(new(field, $"is {value.Value} °C, outside -60..200 °C; send null when the sensor is unknown."));
        }
    }
}
