namespace FleetServerless.Relay.Configuration;

/// <summary>The configuration cannot be loaded or bound; the message names the file or setting and the fix.</summary>
public sealed class RelayConfigurationException(string message) : Exception(message);
