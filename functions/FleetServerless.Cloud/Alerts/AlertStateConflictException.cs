namespace FleetServerless.Cloud.Alerts;

/// <summary>Another evaluation changed the site's alert rows between load and save; evaluate again from a fresh load.</summary>
public sealed class AlertStateConflictException(string siteId, Exception innerException)
    : Exception($"The alert state of site '{siteId}' changed during evaluation.", innerException)
{
    public string SiteId { get; } = siteId;
}
