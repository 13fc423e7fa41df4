namespace FleetServerless.Core.Alerts;

/// <summary>Identifies one alert: a rule for one subject (miner id, relay id, or the site id for site rules) of a site.</summary>
public readonly record struct AlertKey(string SiteId, string RuleId, string SubjectId)
{
    public override string ToString() => $"{SiteId}/{RuleId}/{SubjectId}";
}
