using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// A loopback TCP server that answers each HTTP request with bytes a test scripts: exactly what goes on the wire
/// (chunked bodies, HTTP/1.0, connections closed early). It records every request head and body it read.
/// </summary>
/// <param name="answer">Called with (connection number, request number on that connection, request); returns the
/// bytes to send and whether to close the connection afterwards.</param>
internal sealed class ScriptedTcpServer(Func<int, int, string, (byte[] Reply, bool Close)> answer) : IDisposable
{
    private readonly TcpListener _listener = Start();
    private int _connections;

    public string Authority => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Each request as received: the head (request line and headers) and the body, as text.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>Serves connections until disposed.</summary>
    public ScriptedTcpServer Run()
    {
        _ = Task.Run(async () =>
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptSocketAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }

                var number = Interlocked.Increment(ref _connections);
                _ = Task.Run(() => Serve(client, number));
            }
        });
        return this;
    }

    public void Dispose() => _listener.Stop();

    private static TcpListener Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private async Task Serve(Socket client, int connection)
    {
        using (client)
        {
            var buffer = new List<byte>();
            var chunk = new byte[4096];
            for (var request = 1; ; request++)
            {
                int headEnd;
                while ((headEnd = IndexOf(buffer, "\r\n\r\n"u8.ToArray())) < 0)
                {
                    var read = await client.ReceiveAsync(chunk);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read).ToArray());
                }

                var head = Encoding.ASCII.GetString([.. buffer.GetRange(0, headEnd)]);
                var length = ContentLength(head);
                while (buffer.Count < headEnd + 4 + length)
                {
                    var read = await client.ReceiveAsync(chunk);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read).ToArray());
                }

                var text = head + "\r\n\r\n" + Encoding.UTF8.GetString([.. buffer.GetRange(headEnd + 4, length)]);
                buffer.RemoveRange(0, headEnd + 4 + length);
                Requests.Enqueue(text);
                var (reply, close) = answer(connection, request, text);
                await client.SendAsync(reply);
                if (close)
                {
                    client.Shutdown(SocketShutdown.Both);
                    return;
                }
            }
        }
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private static int IndexOf(List<byte> buffer, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= buffer.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = buffer[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
