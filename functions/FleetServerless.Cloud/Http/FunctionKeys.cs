using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Http;

/// <summary>
/// Reads and checks function keys the way the Functions host accepts them: the <c>x-functions-key</c> header,
/// else the <c>code</c> query parameter.
/// </summary>
public static class FunctionKeys
{
    public const string HeaderName = "x-functions-key";

    public const string QueryParameterName = "code";

    /// <summary>Returns the key the request carries, or null when it carries none.</summary>
    public static string? ReadKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrEmpty(header.ToString()))
        {
            return header.ToString();
        }

        return request.Query.TryGetValue(QueryParameterName, out var code) && !string.IsNullOrEmpty(code.ToString())
            ? code.ToString()
            : null;
    }

    /// <summary>Compares a presented key with the expected one in constant time, so timing leaks no prefix.</summary>
    public static bool Matches(string? presented, string expected)
    {
        ArgumentException.ThrowIfNullOrEmpty(expected);
        if (presented is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }
}
