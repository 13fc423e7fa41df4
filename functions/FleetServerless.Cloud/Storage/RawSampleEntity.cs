using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Storage;

/// <summary>A raw sample. Partition: site, miner and UTC day; row: collection time to 100 ns.</summary>
public sealed class RawSampleEntity : SampleEntity
{
    internal static RawSampleEntity From(TelemetryBatch batch, MinerSample sample)
    {
        var entity = new RawSampleEntity
        {
            PartitionKey = StorageKeys.SamplePartition(batch.SiteId, sample.MinerId, sample.CollectedAt),
            RowKey = StorageKeys.Instant(sample.CollectedAt),
        };
        entity.CopyFrom(batch, sample);
        return entity;
    }
}
