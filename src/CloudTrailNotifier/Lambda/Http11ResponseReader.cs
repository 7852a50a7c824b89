using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// Reads HTTP/1.1 responses from a blocking socket: the status line, the headers, and a body delimited by
/// Content-Length, by chunked transfer coding, or by the end of the connection. Sizes are bounded.
/// </summary>
internal sealed class Http11ResponseReader(Socket socket)
{
    public const int MaxHeadBytes = 64 * 1024;

    /// <summary>The largest body accepted (Lambda's own payload limit is 6 MB).</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>True once any byte of a response has arrived (a request on a reused connection is retried only before).</summary>
    public bool ReceivedAny { get; private set; }

    /// <summary>The next final (non-1xx) response; <paramref name="reusable"/> tells whether the connection may carry another request.</summary>
    public RuntimeApiResponse Read(out bool reusable)
    {
        ReceivedAny = _end > _start;
        while (true)
        {
            var head = ReadHead();
            var lines = head.Split("\r\n");
            var status = ParseStatusLine(lines[0], out var http11);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new IOException("the Runtime API sent a malformed header line");
                }

                headers.TryAdd(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim());
            }

            if (status is >= 100 and < 200)
            {
                continue;
            }

            var connection = headers.GetValueOrDefault("Connection") ?? "";
            reusable = http11
                ? !connection.Contains("close", StringComparison.OrdinalIgnoreCase)
                : connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
            byte[] body;
            if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = ReadChunked();
            }
            else if (headers.TryGetValue("Content-Length", out var length))
            {
                if (!int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxBodyBytes)
                {
                    throw new IOException($"the Runtime API sent a Content-Length of '{length}' (at most {MaxBodyBytes} bytes are read)");
                }

                body = ReadExactly(count);
            }
            else
            {
                body = ReadToEnd();
                reusable = false;
            }

            // Anything after the body is not an answer to a request sent: such a connection is not used again.
            reusable &= _start == _end;
            return new RuntimeApiResponse(status, headers, body);
        }
    }

    private static int ParseStatusLine(string line, out bool http11)
    {
        // HTTP/1.1 200 OK
        http11 = line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal);
        if ((!http11 && !line.StartsWith("HTTP/1.0 ", StringComparison.Ordinal)) || line.Length < 12
            || !int.TryParse(line.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new IOException("the Runtime API did not answer with an HTTP/1.x status line");
        }

        return status;
    }

    private string ReadHead()
    {
        while (true)
        {
            var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.Latin1.GetString(_buffer, _start, end);
                _start += end + 4;
                return head;
            }

            if (_end - _start >= MaxHeadBytes)
            {
                throw new IOException($"the Runtime API sent more than {MaxHeadBytes / 1024} KB of headers");
            }

            if (Fill() == 0)
            {
                throw new IOException("the Runtime API closed the connection before it answered");
            }
        }
    }

    private string ReadLine()
    {
        while (true)
        {
            var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = Encoding.Latin1.GetString(_buffer, _start, end);
                _start += end + 2;
                return line;
            }

            if (_end - _start >= MaxHeadBytes || Fill() == 0)
            {
                throw new IOException("the Runtime API sent a malformed chunked body");
            }
        }
    }

    private byte[] ReadChunked()
    {
        using var body = new MemoryStream();
        while (true)
        {
            var line = ReadLine();
            var sizeText = line.AsSpan();
            var extension = sizeText.IndexOf(';');
            if (extension >= 0)
            {
                sizeText = sizeText[..extension];
            }

            if (!int.TryParse(sizeText.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size)
                || size < 0 || body.Length + size > MaxBodyBytes)
            {
                throw new IOException($"the Runtime API sent a chunk size of '{line}' (at most {MaxBodyBytes} bytes are read)");
            }

            if (size == 0)
            {
                // Trailer fields, if any, up to the empty line.
                while (ReadLine().Length > 0)
                {
                }

                return body.ToArray();
            }

            body.Write(ReadExactly(size));
            if (ReadLine().Length != 0)
            {
                throw new IOException("the Runtime API sent a malformed chunked body");
            }
        }
    }

    private byte[] ReadExactly(int count)
    {
        var result = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (_start == _end && Fill() == 0)
            {
                throw new IOException("the Runtime API closed the connection in the middle of an answer");
            }

            var take = Math.Min(count - copied, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(result.AsSpan(copied));
            _start += take;
            copied += take;
        }

        return result;
    }

    private byte[] ReadToEnd()
    {
        while (Fill() > 0)
        {
            if (_end - _start > MaxBodyBytes)
            {
                throw new IOException($"the Runtime API sent more than {MaxBodyBytes} bytes");
            }
        }

        var body = _buffer.AsSpan(_start, _end - _start).ToArray();
        _start = _end;
        return body;
    }

    /// <summary>Receives more bytes after those buffered (blocking); 0 at the end of the connection.</summary>
    private int Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        _end += read;
        ReceivedAny |= read > 0;
        return read;
    }
}
