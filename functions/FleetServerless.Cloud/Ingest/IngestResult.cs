namespace FleetServerless.Cloud.Ingest;

/// <summary>What one ingest call wrote.</summary>
/// <param name="Batches">Batches stored.</param>
/// <param name="Samples">Sample rows written (a replayed sample is written again and counted again).</param>
/// <param name="LatestUpdated">Latest-state rows created or replaced.</param>
public sealed record IngestResult(int Batches, int Samples, int LatestUpdated);
