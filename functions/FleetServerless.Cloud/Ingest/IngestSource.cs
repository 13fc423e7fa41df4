namespace FleetServerless.Cloud.Ingest;

/// <summary>The path a batch arrived by.</summary>
public enum IngestSource
{
    Https,
    EventHubs,
}
