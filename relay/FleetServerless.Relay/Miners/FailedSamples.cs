using FleetServerless.Core.Telemetry;
using FleetServerless.Relay.Configuration;

namespace FleetServerless.Relay.Miners;

/// <summary>Builds the sample of a miner that could not be read: every reading unknown, the error set.</summary>
internal static class FailedSamples
{
    public static MinerSample Create(MinerOptions miner, string minerId, string? api, string error, DateTimeOffset collectedAt) => new()
    {
        MinerId = minerId,
        Host = miner.Host,
        CollectedAt = collectedAt,
        Answered = false,
        Api = api,
        Error = error,
    };

    /// <summary>Describes a failed request in words an operator can act on, without secrets.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } http => $"connection failed ({http.InnerException?.Message ?? http.Message})",
        HttpRequestException http => $"request failed ({http.Message})",
        System.Net.Sockets.SocketException socket => $"connection failed ({socket.SocketErrorCode})",
        IOException io => $"connection lost ({io.Message})",
        System.Text.Json.JsonException json => $"invalid JSON ({json.Message})",
        Polly.CircuitBreaker.BrokenCircuitException => "not tried, the circuit breaker is open after repeated failures",
        Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException => "timed out",
        _ => exception.Message,
    };
}
