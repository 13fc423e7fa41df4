using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Api;

/// <summary>Adds one response header to another result.</summary>
public sealed class HeaderResult(IResult inner, string name, string value) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers[name] = value;
        return inner.ExecuteAsync(httpContext);
    }
}
