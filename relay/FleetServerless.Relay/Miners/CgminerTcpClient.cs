using System.Net.Sockets;
using System.Text;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Sends one command to a CGMiner-style TCP API and returns the raw reply text: the miner sends one reply and closes
/// the connection. Replies are read up to <see cref="MaxReplyBytes"/>.
/// </summary>
public sealed class CgminerTcpClient
{
    /// <summary>The largest reply read: 1 MiB, far above the 64 KB at which some firmware cuts its output.</summary>
    public const int MaxReplyBytes = 1024 * 1024;

    /// <summary>Sends <c>{"command":"..."}</c> and reads until the miner closes the connection.</summary>
    /// <exception cref="SocketException">The connection failed or was reset.</exception>
    /// <exception cref="IOException">The reply is larger than <see cref="MaxReplyBytes"/>.</exception>
    public async Task<string> SendAsync(string host, int port, string command, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.NoDelay = true;
        await socket.ConnectAsync(host, port, cancellationToken);

        var request = Encoding.UTF8.GetBytes($"{{\"command\":\"{command}\"}}");
        await socket.SendAsync(request, SocketFlags.None, cancellationToken);

        using var reply = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                break;
            }

            if (reply.Length + read > MaxReplyBytes)
            {
                throw new IOException($"The TCP API reply is larger than {MaxReplyBytes} bytes.");
            }

            reply.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(reply.GetBuffer(), 0, (int)reply.Length);
    }
}
