using System.Security.Cryptography;
using System.Text;

namespace FleetServerless.Cloud.Pools.Wamp;

/// <summary>WAMP challenge-response authentication (WAMP-CRA) signatures.</summary>
public static class WampCra
{
    /// <summary>
    /// Signs a challenge: base64 of HMAC-SHA256 over the challenge string. The key is the secret's UTF-8 bytes,
    /// or, when the router sends a salt, the base64 text of the PBKDF2-HMAC-SHA256 key derived from the secret
    /// (the convention of the Autobahn WAMP implementations, which routers follow).
    /// </summary>
    public static string Sign(string challenge, string secret, string? salt = null, int iterations = 1000, int keyLengthBytes = 32)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(secret);
        var key = salt is null ? Encoding.UTF8.GetBytes(secret) : DeriveKey(secret, salt, iterations, keyLengthBytes);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(challenge)));
    }

    /// <summary>Derives the salted key: the UTF-8 bytes of base64(PBKDF2-HMAC-SHA256(secret, salt)).</summary>
    public static byte[] DeriveKey(string secret, string salt, int iterations, int keyLengthBytes)
    {
        if (iterations <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "PBKDF2 iterations must be positive.");
        }

        if (keyLengthBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(keyLengthBytes), keyLengthBytes, "The key length must be positive.");
        }

        var derived = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(salt), iterations, HashAlgorithmName.SHA256, keyLengthBytes);
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(derived));
    }
}
