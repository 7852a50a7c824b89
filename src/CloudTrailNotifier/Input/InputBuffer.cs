using System.IO.Compression;

namespace CloudTrailNotifier.Input;

/// <summary>
/// A window onto a stream: bytes not yet consumed, refilled on demand, growing only as far as one value needs
/// (at most the largest event read plus a chunk). Counts the lines consumed. A read error ends the input and is kept
/// as a sentence.
/// </summary>
internal sealed class InputBuffer(Stream stream, int maxValueBytes)
{
    private const int Chunk = 64 * 1024;

    private byte[] _data = new byte[Chunk];
    private int _start;
    private int _end;

    /// <summary>The stream ended (or could not be read further).</summary>
    public bool AtEndOfStream { get; private set; }

    /// <summary>Why the stream could not be read to its end, or null.</summary>
    public string? ReadError { get; private set; }

    /// <summary>The line (from 1) of the first unconsumed byte.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>The column (from 0) of the first unconsumed byte within its line.</summary>
    public long Column { get; private set; }

    public int Count => _end - _start;

    public ReadOnlySpan<byte> Span => _data.AsSpan(_start, _end - _start);

    public ReadOnlyMemory<byte> Memory(int length) => _data.AsMemory(_start, length);

    /// <summary>Whether no byte is left, reading more if needed.</summary>
    public bool IsEmpty() => Count == 0 && !FillMore();

    /// <summary>Consumes <paramref name="count"/> bytes, counting their lines.</summary>
    public void Consume(int count)
    {
        var consumed = _data.AsSpan(_start, count);
        var lastNewline = consumed.LastIndexOf((byte)'\n');
        if (lastNewline < 0)
        {
            Column += count;
        }
        else
        {
            Line += consumed.Count((byte)'\n');
            Column = count - lastNewline - 1;
        }

        _start += count;
    }

    /// <summary>
    /// Reads more bytes after those held. False at the end of the stream, on a read error, or when the bytes held
    /// already reach <c>maxValueBytes</c> plus a chunk (check <see cref="Count"/>).
    /// </summary>
    public bool FillMore()
    {
        if (AtEndOfStream)
        {
            return false;
        }

        if (_end == _data.Length)
        {
            if (_start > 0)
            {
                _data.AsSpan(_start, _end - _start).CopyTo(_data);
                _end -= _start;
                _start = 0;
            }
            else if (_data.Length < maxValueBytes + Chunk)
            {
                Array.Resize(ref _data, (int)Math.Min((long)_data.Length * 2, maxValueBytes + Chunk));
            }
            else
            {
                return false;
            }
        }

        int read;
        try
        {
            read = stream.Read(_data, _end, _data.Length - _end);
        }
        catch (InvalidDataException)
        {
            return Fail("the gzip data is damaged and cannot be decompressed");
        }
        catch (IOException ex)
        {
            return Fail("cannot be read: " + ex.Message.ReplaceLineEndings(" "));
        }
        catch (UnauthorizedAccessException)
        {
            return Fail("cannot be read: permission denied");
        }

        if (read == 0)
        {
            AtEndOfStream = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>The stream, decompressed when it starts with gzip's magic bytes (any number of gzip members).</summary>
    public static Stream Decompressing(Stream raw)
    {
        var magic = new byte[2];
        var n = 0;
        while (n < 2 && raw.Read(magic, n, 2 - n) is var read and > 0)
        {
            n += read;
        }

        var whole = new PrefixedStream(magic, n, raw);
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(whole, CompressionMode.Decompress)
            : whole;
    }

    private bool Fail(string error)
    {
        ReadError = error;
        AtEndOfStream = true;
        return false;
    }
}
