using System.IO.Compression;
using FleetServerless.Core.Telemetry;

namespace FleetServerless.Relay.Outbox;

/// <summary>One stored batch: its sequence, id and the gzip-compressed JSON exactly as it is sent.</summary>
public sealed record OutboxEntry(long Sequence, string BatchId, int SampleCount, byte[] GzipJson)
{
    /// <summary>Decompresses the payload to the batch's UTF-8 JSON.</summary>
    public byte[] ReadJson()
    {
        using var input = new GZipStream(new MemoryStream(GzipJson), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public TelemetryBatch ReadBatch() =>
        TelemetryJson.Deserialize(ReadJson()) ?? throw new InvalidDataException($"Outbox batch {Sequence} is empty.");

    /// <summary>Serializes and compresses a batch into an entry.</summary>
    public static OutboxEntry FromBatch(TelemetryBatch batch)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(TelemetryJson.SerializeToUtf8Bytes(batch));
        }

        return new OutboxEntry(batch.Sequence, batch.BatchId, batch.Samples.Count, output.ToArray());
    }
}
