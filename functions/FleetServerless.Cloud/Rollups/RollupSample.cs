namespace FleetServerless.Cloud.Rollups;

/// <summary>The readings of one raw sample that rollups use.</summary>
public sealed record RollupSample(
    string SiteId,
    string MinerId,
    DateTimeOffset CollectedAt,
    bool Answered,
    bool Mining,
    double? HashrateRealtimeHps,
    double? PowerWatts,
    double? ChipTempMaxC,
    double? BoardTempMaxC);
