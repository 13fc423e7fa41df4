using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetServerless.Simulator.Miners;

/// <summary>
/// One miner's CGMiner-style TCP API on 127.0.0.1: reads one JSON command per connection, sends one reply, closes.
/// </summary>
internal sealed class CgminerTcpServer : IAsyncDisposable
{
    private const int MaxRequestBytes = 8 * 1024;
    private static readonly TimeSpan RequestReadTimeout = TimeSpan.FromSeconds(10);

    private readonly SimulatedMiner _miner;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private Task _acceptLoop = Task.CompletedTask;

    public CgminerTcpServer(SimulatedMiner miner)
    {
        _miner = miner;
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Start()
    {
        _listener.Start(backlog: 64);
        _acceptLoop = AcceptLoopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                _miner.CountTcpRequest();
                if (_miner.HasFault(MinerFaults.Offline))
                {
                    Reset(socket);
                    return;
                }

                var request = await ReadRequestAsync(socket);
                if (_miner.ResponseDelay > TimeSpan.Zero)
                {
                    await Task.Delay(_miner.ResponseDelay, _stopping.Token);
                }

                if (_miner.HasFault(MinerFaults.Hanging))
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, _stopping.Token);
                }

                if (_miner.HasFault(MinerFaults.DropConnection))
                {
                    Reset(socket);
                    return;
                }

                var reply = CgminerPayloads.Reply(_miner, request);
                await socket.SendAsync(reply, SocketFlags.None, _stopping.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client left, or the fleet is stopping.
            }
        }
    }

    /// <summary>Reads until the JSON object is complete, the client stops sending, or the size limit.</summary>
    private async Task<string> ReadRequestAsync(Socket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(RequestReadTimeout);
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        var depth = 0;
        var started = false;
        while (length < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }

            for (var i = length; i < length + read; i++)
            {
                if (buffer[i] == '{')
                {
                    depth++;
                    started = true;
                }
                else if (buffer[i] == '}')
                {
                    depth--;
                }
            }

            length += read;

            // A request that does not start as JSON (an HTTP request, say) gets the invalid-command reply.
            if ((started && depth <= 0) || !started)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static void Reset(Socket socket)
    {
        // Linger 0 makes Close send RST instead of FIN: the client sees "connection reset".
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }
}
