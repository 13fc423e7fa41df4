using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Hosting;

/// <summary><c>GET /api/health</c>: answers 200 while the process runs. It reads no storage and needs no key.</summary>
public sealed class HealthHandler(TimeProvider timeProvider)
{
    public IResult Handle(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Results.Ok(new { status = "ok", time = timeProvider.GetUtcNow() });
    }
}
