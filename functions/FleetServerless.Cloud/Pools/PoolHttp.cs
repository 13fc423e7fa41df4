using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetServerless.Cloud.Pools;

/// <summary>
/// GETs JSON from a pool or data source and turns every failure into one <see cref="PoolUnavailableException"/>
/// that names the source: unreachable, timed out, throttled, an HTTP error, HTML instead of JSON, or invalid JSON.
/// </summary>
public static class PoolHttp
{
    /// <summary>Statuses that mean "too many requests": 429, and Blockchair's 430, 434 and 435.</summary>
    public static readonly IReadOnlySet<int> ThrottleStatuses = new HashSet<int> { 429, 430, 434, 435 };

    /// <summary>Sends <paramref name="request"/> and returns the parsed JSON body.</summary>
    public static async Task<JsonNode> SendForJsonAsync(HttpClient client, HttpRequestMessage request, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var target = $"{sourceName} ({request.RequestUri?.GetLeftPart(UriPartial.Path)})";
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new PoolUnavailableException($"{target} is unreachable: {ex.Message}. Check the base URL and the network.", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PoolUnavailableException($"{target} timed out after {client.Timeout.TotalSeconds:0} s.", ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (ThrottleStatuses.Contains(status) || response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
            {
                var retryAfter = RetryAfter(response);
                throw new PoolUnavailableException(
                    $"{target} is throttling requests (HTTP {status}); retry after {retryAfter?.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) ?? "an unknown time"} s.",
                    isThrottled: true,
                    retryAfter: retryAfter);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PoolUnavailableException($"{target} returned HTTP {status}: {JsonNumbers.Shorten(body.Trim())}");
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType == "text/html" || body.TrimStart().StartsWith('<'))
            {
                throw new PoolUnavailableException($"{target} returned an HTML page instead of JSON; the service may be down for maintenance.");
            }

            try
            {
                return JsonNode.Parse(body) ?? throw new PoolUnavailableException($"{target} returned JSON null.");
            }
            catch (JsonException ex)
            {
                throw new PoolUnavailableException($"{target} returned invalid JSON: {ex.Message}", ex);
            }
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
