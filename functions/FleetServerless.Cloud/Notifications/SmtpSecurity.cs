namespace FleetServerless.Cloud.Notifications;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, required (port 587).</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 1,

    /// <summary>No TLS; accepted only for a relay on a loopback address.</summary>
    None = 2,
}
