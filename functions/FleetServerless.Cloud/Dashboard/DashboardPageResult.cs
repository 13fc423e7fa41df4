using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Dashboard;

/// <summary>
/// The dashboard as one HTML document with its script and styles inline, so the page needs no further
/// request (a browser cannot send the function key header when it loads a script tag).
/// </summary>
/// <remarks>
/// The content security policy allows only the inline parts carrying this response's nonce and requests to
/// the page's own origin. The page is never cached and sends no referrer, because its first address may
/// carry the key in the <c>code</c> query parameter.
/// </remarks>
public sealed class DashboardPageResult(DashboardAssets assets) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var html = assets.Template
            .Replace("{{nonce}}", nonce, StringComparison.Ordinal)
            .Replace("{{styles}}", assets.Styles, StringComparison.Ordinal)
            .Replace("{{script}}", assets.Script, StringComparison.Ordinal);

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; " +
            "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

        await response.WriteAsync(html, Encoding.UTF8, httpContext.RequestAborted);
    }
}
