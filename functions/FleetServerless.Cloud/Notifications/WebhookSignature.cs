using System.Security.Cryptography;
using System.Text;

namespace FleetServerless.Cloud.Notifications;

/// <summary>
/// The signature of generic webhook requests: HMAC-SHA256 of the exact request body bytes with the channel's
/// secret as key, sent as <c>X-FleetServerless-Signature: sha256=&lt;lower-case hex&gt;</c>.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-FleetServerless-Signature";

    /// <summary>The notification id, the same on every retry, so a receiver can drop duplicates.</summary>
    public const string DeliveryHeaderName = "X-FleetServerless-Delivery";

    /// <summary>The event kind: <c>fired</c>, <c>repeated</c>, <c>resolved</c>, <c>flappingStarted</c>, <c>flappingEnded</c>.</summary>
    public const string EventHeaderName = "X-FleetServerless-Event";

    public const string Prefix = "sha256=";

    /// <summary>Returns the header value for a body: <c>sha256=</c> and 64 hex digits.</summary>
    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    /// <summary>Checks a received header value against the body in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? headerValue)
    {
        if (headerValue is null || !headerValue.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, body));
        var presented = Encoding.ASCII.GetBytes(headerValue);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
