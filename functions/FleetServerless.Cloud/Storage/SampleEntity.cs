using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Storage;

/// <summary>
/// One miner sample as a row: the columns queries filter and chart on, plus the whole sample as JSON so nothing
/// the relay sent is lost. Used by both the <c>Samples</c> and the <c>Latest</c> tables.
/// </summary>
public class SampleEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SiteId { get; set; } = "";

    public string MinerId { get; set; } = "";

    public string Host { get; set; } = "";

    public DateTimeOffset CollectedAt { get; set; }

    public bool Answered { get; set; }

    public bool Mining { get; set; }

    public string? State { get; set; }

    public string? Algorithm { get; set; }

    public string? Model { get; set; }

    public double? HashrateRealtimeHps { get; set; }

    public double? HashrateAverageHps { get; set; }

    public double? HashrateNominalHps { get; set; }

    public double? PowerWatts { get; set; }

    public double? ChipTempMaxC { get; set; }

    public double? BoardTempMaxC { get; set; }

    public string RelayId { get; set; } = "";

    public string BatchId { get; set; } = "";

    /// <summary>The relay sequence number of the batch that carried the sample.</summary>
    public long Sequence { get; set; }

    /// <summary>The sample in the telemetry contract's JSON form.</summary>
    public string SampleJson { get; set; } = "";

    /// <summary>Reads <see cref="SampleJson"/> back into the contract type.</summary>
    public MinerSample ToSample() =>
        JsonSerializer.Deserialize<MinerSample>(SampleJson, TelemetryJson.Options)
        ?? throw new InvalidOperationException($"Row {PartitionKey}/{RowKey} holds an empty sample.");

    internal void CopyFrom(TelemetryBatch batch, MinerSample sample)
    {
        SiteId = batch.SiteId;
        MinerId = sample.MinerId;
        Host = sample.Host;
        CollectedAt = sample.CollectedAt.ToUniversalTime();
        Answered = sample.Answered;
        Mining = Core.Fleet.FleetMetrics.IsMining(sample);
        State = sample.State;
        Algorithm = sample.Algorithm;
        Model = sample.Model;
        HashrateRealtimeHps = sample.HashrateRealtimeHps;
        HashrateAverageHps = sample.HashrateAverageHps;
        HashrateNominalHps = sample.HashrateNominalHps;
        PowerWatts = sample.PowerWatts;
        ChipTempMaxC = sample.ChipTempMaxC;
        BoardTempMaxC = sample.BoardTempMaxC;
        RelayId = batch.RelayId;
        BatchId = batch.BatchId;
        Sequence = batch.Sequence;
        SampleJson = JsonSerializer.Serialize(sample, TelemetryJson.Options);
    }
}
