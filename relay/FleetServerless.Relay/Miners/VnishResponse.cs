using System.Net;
using System.Text.Json;

namespace FleetServerless.Relay.Miners;

/// <summary>One web API response: the HTTP status and, when the body was JSON, the parsed document (owned by the caller).</summary>
internal sealed record VnishResponse(HttpStatusCode Status, JsonDocument? Body) : IDisposable
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public void Dispose() => Body?.Dispose();
}
