using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// Plain HTTP/1.1 to the Runtime API (<c>AWS_LAMBDA_RUNTIME_API</c>, a host:port on the sandbox's loopback) over one
/// kept-alive, blocking socket. The runtime serves one invocation at a time, so a blocking call on the loop's thread
/// is all it needs: no HttpClient pipeline, connection injection or thread-pool hop between the process start and
/// its first event. A request on a reused connection that the other side had closed is sent once more on a new one,
/// as HttpClient does, but only when no byte of an answer had arrived.
/// </summary>
internal sealed class RuntimeApiConnection : IDisposable
{
    private readonly string _authority;
    private readonly string _host;
    private readonly int _port;
    private Socket? _socket;
    private Http11ResponseReader? _reader;

    /// <param name="authority">host:port, as AWS_LAMBDA_RUNTIME_API gives it.</param>
    /// <exception cref="UriFormatException">Not a host:port.</exception>
    public RuntimeApiConnection(string authority)
    {
        var uri = new Uri($"http://{authority}/", UriKind.Absolute);
        _authority = uri.Authority;
        _host = uri.IdnHost.TrimStart('[').TrimEnd(']');
        _port = uri.Port;
    }

    /// <summary>Sends one request and reads its answer; blocks until the answer is complete.</summary>
    /// <param name="path">The path after the host, starting with a slash, already escaped.</param>
    /// <param name="errorType">The value of Lambda-Runtime-Function-Error-Type, if any.</param>
    /// <exception cref="RuntimeApiException">The Runtime API could not be reached or broke off.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public RuntimeApiResponse Send(string method, string path, byte[]? body, string? errorType, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = Encode(method, path, body, errorType);
        for (var attempt = 1; ; attempt++)
        {
            var reused = _socket is not null;
            try
            {
                return SendOnce(request, cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
            {
                var answered = _reader?.ReceivedAny ?? false;
                Close();
                cancellationToken.ThrowIfCancellationRequested();
                if (reused && !answered && attempt == 1)
                {
                    continue;
                }

                throw new RuntimeApiException($"the Runtime API at {_authority} failed: {Describe(ex)}", ex);
            }
        }
    }

    public void Dispose() => Close();

    private RuntimeApiResponse SendOnce(byte[] request, CancellationToken cancellationToken)
    {
        var socket = _socket ??= Connect();
        var reader = _reader ??= new Http11ResponseReader(socket);

        // Cancelling closes the socket, which ends a blocking receive (the runtime stops while waiting for an event).
        using var registration = cancellationToken.Register(static s => ((Socket)s!).Dispose(), socket);
        socket.Send(request);
        var response = reader.Read(out var reusable);
        if (!reusable)
        {
            Close();
        }

        return response;
    }

    private Socket Connect()
    {
        var address = IPAddress.TryParse(_host, out var literal)
            ? literal
            : Dns.GetHostAddresses(_host).FirstOrDefault() ?? throw new IOException($"{_host} has no address");
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // A plain blocking connect: on the sandbox's loopback it completes or is refused at once. (A non-blocking
            // connect polled for a timeout would throw and catch WouldBlock on every connection: an exception costs a
            // cold start about a millisecond of unwinding in Native AOT.)
            socket.Connect(address, _port);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private byte[] Encode(string method, string path, byte[]? body, string? errorType)
    {
        var head = new StringBuilder(256)
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(_authority).Append("\r\n");
        if (body is not null)
        {
            head.Append("Content-Type: application/json\r\n")
                .Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        if (errorType is not null)
        {
            head.Append("Lambda-Runtime-Function-Error-Type: ").Append(HeaderValue(errorType)).Append("\r\n");
        }

        head.Append("\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        if (body is null || body.Length == 0)
        {
            return headBytes;
        }

        var request = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(request, 0);
        body.CopyTo(request, headBytes.Length);
        return request;
    }

    /// <summary>Visible ASCII and spaces only: nothing in a value can end the header line or start another.</summary>
    private static string HeaderValue(string value) =>
        string.Create(value.Length, value, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] is >= ' ' and <= '~' ? text[i] : '_';
            }
        });

    private static string Describe(Exception ex) => ex is SocketException socket ? $"{socket.Message} ({socket.SocketErrorCode})" : ex.Message;

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _reader = null;
    }
}
