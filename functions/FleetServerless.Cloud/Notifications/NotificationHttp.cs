using System.Net.Http.Headers;
using System.Text;

namespace FleetServerless.Cloud.Notifications;

/// <summary>Posts JSON to a receiver over the notification HTTP client, which logs no request address.</summary>
public sealed class NotificationHttp(IHttpClientFactory clients)
{
    /// <summary>The named client; registered with its request loggers removed, because webhook URLs carry tokens.</summary>
    public const string ClientName = "notifications";

    /// <summary>
    /// Posts <paramref name="json"/> and returns the response body. Throws <see cref="NotificationDeliveryException"/>
    /// on a status other than 2xx, a connection failure or the channel's timeout, naming only the channel.
    /// </summary>
    public async Task<string> PostJsonAsync(
        NotificationDelivery delivery,
        Uri url,
        string json,
        IReadOnlyDictionary<string, string>? headers,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(delivery.Channel.Timeout);
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new NotificationDeliveryException(
                    $"Channel '{delivery.ChannelName}' ({delivery.Channel.Type}) answered {(int)response.StatusCode} {response.ReasonPhrase}.")
                {
                    StatusCode = (int)response.StatusCode,
                };
            }

            return body;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationDeliveryException(
                $"Channel '{delivery.ChannelName}' ({delivery.Channel.Type}) did not answer within {delivery.Channel.Timeout}.");
        }
        catch (HttpRequestException ex)
        {
            // The inner exception is left out: its message may name the request address.
            throw new NotificationDeliveryException(
                $"Channel '{delivery.ChannelName}' ({delivery.Channel.Type}) could not be reached ({ex.HttpRequestError}).");
        }
    }
}
