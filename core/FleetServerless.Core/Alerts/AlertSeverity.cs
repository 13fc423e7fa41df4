namespace FleetServerless.Core.Alerts;

/// <summary>How urgent an alert is; channels may be configured to receive only the higher levels.</summary>
public enum AlertSeverity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}
