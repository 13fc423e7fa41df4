using Azure;
using FleetServerless.Core.Alerts;

namespace FleetServerless.Cloud.Alerts;

/// <summary>A site's alert rows as loaded, with each row's ETag so the save detects a concurrent writer.</summary>
public sealed record StoredSiteAlerts(SiteAlertSnapshot Snapshot, IReadOnlyDictionary<string, ETag> ETags);
