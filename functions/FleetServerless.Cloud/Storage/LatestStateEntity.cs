using FleetServerless.Core.Telemetry;

namespace FleetServerless.Cloud.Storage;

/// <summary>The latest sample of one miner. Partition: site id; row: miner id.</summary>
public sealed class LatestStateEntity : SampleEntity
{
    internal static LatestStateEntity From(TelemetryBatch batch, MinerSample sample)
    {
        var entity = new LatestStateEntity
        {
            PartitionKey = batch.SiteId,
            RowKey = sample.MinerId,
        };
        entity.CopyFrom(batch, sample);
        return entity;
    }
}
