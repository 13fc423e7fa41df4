namespace FleetServerless.Cloud.Tests.Notifications;

/// <summary>One request a loopback receiver got, and the status it responded with.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public bool Succeeded => Status is >= 200 and < 300;
}
