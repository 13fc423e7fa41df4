namespace FleetServerless.Cloud.Notifications;

/// <summary>One labelled line of a message: "Value: 92 °C (threshold 90 °C)".</summary>
public sealed record NotificationFact(string Label, string Value);
