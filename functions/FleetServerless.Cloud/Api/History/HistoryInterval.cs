namespace FleetServerless.Cloud.Api.History;

/// <summary>The bucket width of a history response.</summary>
public enum HistoryInterval
{
    /// <summary>Every stored sample of a miner, unaggregated.</summary>
    Raw,

    FiveMinutes,

    Hour,

    Day,
}
