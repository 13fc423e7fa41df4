using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FleetServerless.Simulator.Miners;

namespace FleetServerless.Simulator.Tests;

/// <summary>Plain HTTP and TCP calls to simulated miners, as a test needs them.</summary>
internal sealed class SimulatorClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(SimulatedMiner miner, string path, string? token = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{miner.Host}/api/v1/{path}");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> UnlockAsync(SimulatedMiner miner, string password)
    {
        using var response = await _http.PostAsJsonAsync(
            $"http://{miner.Host}/api/v1/unlock", new Dictionary<string, string> { ["pw"] = password }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(text));
    }

    public async Task<string> UnlockTokenAsync(SimulatedMiner miner)
    {
        var (status, body) = await UnlockAsync(miner, miner.Password);
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["token"]!.GetValue<string>();
    }

    public static async Task<byte[]> SendTcpAsync(SimulatedMiner miner, string command)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, miner.TcpPort!.Value, TestContext.Current.CancellationToken);
        await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"command\":\"{command}\"}}"), SocketFlags.None);
        using var reply = new MemoryStream();
        var buffer = new byte[16384];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, TestContext.Current.CancellationToken)) > 0)
        {
            reply.Write(buffer, 0, read);
        }

        return reply.ToArray();
    }

    public void Dispose() => _http.Dispose();
}
