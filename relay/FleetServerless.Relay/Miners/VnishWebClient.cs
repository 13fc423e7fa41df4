using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FleetServerless.Relay.Configuration;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// HTTP access to the Vnish web API with its authentication. It unlocks with the password for a Bearer token, or sends
/// an <c>x-api-key</c> key. On 401 it unlocks once more and retries once. After a 429 it sends no unlock for the
/// <c>unlock_timeout</c> the miner gave. A wrong password is logged once and retried only after
/// <see cref="WrongPasswordRetryInterval"/> or when the configured password changes.
/// </summary>
/// <remarks>Thread-safe; one instance serves every miner. Secrets are never logged or put in problem texts.</remarks>
public sealed class VnishWebClient(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<VnishWebClient> logger)
{
    /// <summary>How long the relay waits before it tries a password the miner rejected again: 15 minutes.</summary>
    public static readonly TimeSpan WrongPasswordRetryInterval = TimeSpan.FromMinutes(15);

    /// <summary>The wait after a 429 that carried no <c>unlock_timeout</c>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultLockout = TimeSpan.FromSeconds(60);

    /// <summary>The firmware's default web password, used when a miner has neither password nor API key set.</summary>
    public const string DefaultPassword = "admin";

    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, VnishAuthState> _sessions = new(StringComparer.Ordinal);

    /// <summary>GETs a path under <c>/api/v1/</c> without credentials.</summary>
    /// <exception cref="HttpRequestException">The miner could not be reached.</exception>
    /// <exception cref="JsonException">The body is not valid JSON.</exception>
    internal Task<VnishResponse> GetAsync(MinerEndpoint endpoint, string path, CancellationToken cancellationToken) =>
        SendGetAsync(endpoint, path, token: null, apiKey: null, cancellationToken);

    /// <summary>
    /// GETs a path with the miner's credentials, unlocking when needed. Authentication problems are added to
    /// <paramref name="problems"/>, and the response is returned in every case (401 when no credential worked).
    /// </summary>
    internal async Task<VnishResponse> GetAuthenticatedAsync(
        MinerOptions miner, MinerEndpoint endpoint, string path, List<string> problems, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(miner.ApiKey))
        {
            var keyed = await SendGetAsync(endpoint, path, token: null, miner.ApiKey, cancellationToken);
            if (keyed.Status == HttpStatusCode.Unauthorized)
            {
                problems.Add($"{path}: the miner rejected the configured API key (HTTP 401).");
            }

            return keyed;
        }

        var session = _sessions.GetOrAdd(SessionKey(miner), _ => new VnishAuthState());
        var token = session.Token ?? await UnlockAsync(miner, endpoint, session, staleToken: null, problems, cancellationToken);
        var response = await SendGetAsync(endpoint, path, token, apiKey: null, cancellationToken);
        if (response.Status != HttpStatusCode.Unauthorized || token is null)
        {
            return response;
        }

        // The token expired or the miner restarted: unlock once more and retry once.
        MinerLog.TokenRejected(logger, miner.Name, miner.Host);
        var renewed = await UnlockAsync(miner, endpoint, session, staleToken: token, problems, cancellationToken);
        if (renewed is null)
        {
            return response;
        }

        response.Dispose();
        var retried = await SendGetAsync(endpoint, path, renewed, apiKey: null, cancellationToken);
        if (retried.Status == HttpStatusCode.Unauthorized)
        {
            problems.Add($"{path}: the miner rejected a fresh token (HTTP 401).");
        }

        return retried;
    }

    /// <summary>Forgets a miner's token, so the next read unlocks again.</summary>
    public void ForgetSession(MinerOptions miner) => _sessions.TryRemove(SessionKey(miner), out _);

    private async Task<string?> UnlockAsync(
        MinerOptions miner, MinerEndpoint endpoint, VnishAuthState session, string? staleToken, List<string> problems, CancellationToken cancellationToken)
    {
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            // Another read may have unlocked while this one waited.
            if (session.Token is { } current && current != staleToken)
            {
                return current;
            }

            session.Token = null;
            var now = timeProvider.GetUtcNow();
            if (session.LockedOutUntil is { } until && until > now)
            {
                problems.Add($"web API auth: unlock is locked out by the miner for {(until - now).TotalSeconds:0} s more (HTTP 429).");
                return null;
            }

            var password = string.IsNullOrEmpty(miner.Password) ? DefaultPassword : miner.Password;
            var passwordHash = HashPassword(password);
            if (session.RejectedPasswordHash == passwordHash && session.RejectedPasswordRetryAt > now)
            {
                problems.Add("web API auth: wrong password (HTTP 403); not retried until the setting changes or the retry interval passes.");
                return null;
            }

            return await SendUnlockAsync(miner, endpoint, session, password, passwordHash, problems, cancellationToken);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task<string?> SendUnlockAsync(
        MinerOptions miner, MinerEndpoint endpoint, VnishAuthState session, string password, string passwordHash,
        List<string> problems, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(MinerHttpClients.VnishUnlock);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.WebApiBase, "unlock"))
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["pw"] = password }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        using var body = await TryReadJsonAsync(response, cancellationToken);
        var now = timeProvider.GetUtcNow();

        switch (response.StatusCode)
        {
            case HttpStatusCode.OK when ReadToken(body) is { } token:
                if (session.LastUnlockFailed)
                {
                    MinerLog.UnlockRecovered(logger, miner.Name, miner.Host);
                }

                session.Token = token;
                session.RejectedPasswordHash = null;
                session.RejectedPasswordRetryAt = null;
                session.LastUnlockFailed = false;
                return token;

            case HttpStatusCode.Forbidden:
                if (session.RejectedPasswordHash != passwordHash)
                {
                    MinerLog.WrongPassword(logger, miner.Name, miner.Host, WrongPasswordRetryInterval.TotalMinutes);
                }

                session.RejectedPasswordHash = passwordHash;
                session.RejectedPasswordRetryAt = now + WrongPasswordRetryInterval;
                session.LastUnlockFailed = true;
                problems.Add("web API auth: wrong password (HTTP 403).");
                return null;

            case HttpStatusCode.TooManyRequests:
                var wait = ReadUnlockTimeout(body) ?? DefaultLockout;
                session.LockedOutUntil = now + wait;
                session.LastUnlockFailed = true;
                MinerLog.LockedOut(logger, miner.Name, miner.Host, wait.TotalSeconds);
                problems.Add($"web API auth: unlock locked out by the miner for {wait.TotalSeconds:0} s (HTTP 429).");
                return null;

            default:
                session.LastUnlockFailed = true;
                MinerLog.UnlockFailed(logger, miner.Name, miner.Host, (int)response.StatusCode);
                problems.Add($"web API auth: unlock failed with HTTP {(int)response.StatusCode}.");
                return null;
        }
    }

    private async Task<VnishResponse> SendGetAsync(
        MinerEndpoint endpoint, string path, string? token, string? apiKey, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(MinerHttpClients.VnishWeb);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint.WebApiBase, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new VnishResponse(response.StatusCode, null);
        }

        var bytes = await ReadBodyAsync(response, cancellationToken);
        return new VnishResponse(response.StatusCode, JsonDocument.Parse(bytes));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new JsonException($"The response body is larger than {MaxBodyBytes / (1024 * 1024)} MB, so it was not read.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<JsonDocument?> TryReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonDocument.Parse(await ReadBodyAsync(response, cancellationToken));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadToken(JsonDocument? body) =>
        body?.RootElement is { ValueKind: JsonValueKind.Object } root
        && root.TryGetProperty("token", out var token)
        && token.ValueKind == JsonValueKind.String
        && token.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static TimeSpan? ReadUnlockTimeout(JsonDocument? body) =>
        body?.RootElement is { ValueKind: JsonValueKind.Object } root
        && root.TryGetProperty("unlock_timeout", out var timeout)
        && timeout.ValueKind == JsonValueKind.Number
        && timeout.TryGetDouble(out var seconds)
        && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string SessionKey(MinerOptions miner) => miner.Name + "\n" + miner.Host;

    private static string HashPassword(string password) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
