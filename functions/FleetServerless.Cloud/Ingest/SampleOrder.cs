namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// The order that decides which sample is a miner's latest: collection time, then the batch's sequence number,
/// then its batch id. A total order, so replays in any order pick the same latest sample.
/// </summary>
internal readonly record struct SampleOrder(DateTimeOffset CollectedAt, long Sequence, string BatchId) : IComparable<SampleOrder>
{
    public int CompareTo(SampleOrder other)
    {
        var byTime = CollectedAt.UtcTicks.CompareTo(other.CollectedAt.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var bySequence = Sequence.CompareTo(other.Sequence);
        return bySequence != 0 ? bySequence : string.CompareOrdinal(BatchId, other.BatchId);
    }
}
