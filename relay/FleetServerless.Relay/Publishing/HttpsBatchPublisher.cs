using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FleetServerless.Relay.Configuration;
using FleetServerless.Relay.Outbox;
using Microsoft.Extensions.Options;

namespace FleetServerless.Relay.Publishing;

/// <summary>
/// Posts each batch to the ingest function as gzip-compressed JSON with the <c>x-functions-key</c> header.
/// </summary>
/// <remarks>
/// Network errors, 408, 429 and 5xx are retried with exponential back-off and jitter by the resilience handler
/// of the <see cref="HttpClientName"/> client; when the retries are used up the send fails and the batch stays in
/// the outbox. Any other 4xx rejects the batch, which is then moved aside with the server's message. The ingest
/// ignores a batch id it already stored, so a resend after a lost response is harmless.
/// </remarks>
public sealed class HttpsBatchPublisher(IHttpClientFactory httpClientFactory, IOptions<RelayOptions> options) : IBatchPublisher
{
    /// <summary>The named <see cref="HttpClient"/> the publisher sends with.</summary>
    public const string HttpClientName = "FleetServerless.Relay.Ingest";

    /// <summary>Maximum length of a server message kept with a rejected batch.</summary>
    private const int MaxMessageLength = 2000;

    public string Kind => PublisherOptions.HttpsKind;

    public async Task<PublishResult> PublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var publisher = options.Value.Publisher;
        var url = new Uri(publisher.IngestUrl!);
        var client = httpClientFactory.CreateClient(HttpClientName);
        var confirmed = new List<long>();
        var rejected = new List<PublishRejection>();

        foreach (var entry in entries)
        {
            try
            {
                using var request = CreateRequest(url, publisher.FunctionKey!, entry);
                using var response = await client.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    confirmed.Add(entry.Sequence);
                    continue;
                }

                var status = (int)response.StatusCode;
                var message = await ReadMessageAsync(response, cancellationToken);
                if (IsRejection(response.StatusCode))
                {
                    rejected.Add(new PublishRejection(entry.Sequence, entry.BatchId, status, message));
                    continue;
                }

                return PublishResult.Failed(confirmed, rejected,
                    new HttpRequestException($"The ingest returned {status} {response.ReasonPhrase}: {message}", null, response.StatusCode));
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return PublishResult.Failed(confirmed, rejected, ex);
            }
        }

        return new PublishResult(confirmed, rejected, null);
    }

    /// <summary>Whether a status rejects the batch for good: any 4xx except 408 (timeout) and 429 (throttled).</summary>
    public static bool IsRejection(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    private static HttpRequestMessage CreateRequest(Uri url, string functionKey, OutboxEntry entry)
    {
        var content = new ByteArrayContent(entry.GzipJson);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        content.Headers.ContentEncoding.Add("gzip");

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("x-functions-key", functionKey);
        return request;
    }

    /// <summary>Reads the problem-details <c>detail</c> or <c>title</c>, else the body as text, shortened.</summary>
    private static async Task<string> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = body;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                message = Describe(document.RootElement) ?? body;
            }
        }
        catch (JsonException)
        {
            // Not JSON: keep the text as it is.
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            message = $"{(int)response.StatusCode} {response.ReasonPhrase} with an empty body";
        }

        return message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "...";
    }

    private static string? Describe(JsonElement problem)
    {
        string? Text(string name) =>
            problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var title = Text("title");
        var detail = Text("detail");
        var text = (title, detail) switch
        {
            (not null, not null) => $"{title}: {detail}",
            _ => title ?? detail,
        };

        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            text = $"{text} {errors.GetRawText()}".Trim();
        }

        return text;
    }
}
