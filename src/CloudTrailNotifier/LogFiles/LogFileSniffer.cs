using System.IO.Compression;

namespace CloudTrailNotifier.LogFiles;

/// <summary>
/// Looks at the start of an object, whatever its name says: gzip by its magic bytes, then whether the JSON opens
/// with CloudTrail's <c>{"Records":</c>. The stream it hands back yields the whole (decompressed) object.
/// </summary>
internal static class LogFileSniffer
{
    private const int HeadBytes = 256;

    /// <returns>The stream to read the log from (the caller disposes it) when it is a log; else null.</returns>
    public static Stream? Open(Stream raw, out LogFileKind kind, out string? problem)
    {
        problem = null;
        var head = new byte[HeadBytes];
        Stream source = raw;
        try
        {
            var magic = Fill(raw, head, 2);
            source = new Input.PrefixedStream(head[..magic], magic, raw);
            if (magic == 2 && head[0] == 0x1f && head[1] == 0x8b)
            {
                source = new GZipStream(source, CompressionMode.Decompress);
            }

            var length = Fill(source, head, HeadBytes);
            kind = StartsLikeLog(head.AsSpan(0, length)) ? LogFileKind.Log : LogFileKind.NotLog;
            if (kind == LogFileKind.Log)
            {
                return new Input.PrefixedStream(head, length, source);
            }
        }
        catch (InvalidDataException)
        {
            kind = LogFileKind.Unreadable;
            problem = "the gzip data is damaged and cannot be decompressed";
        }
        catch (IOException ex)
        {
            kind = LogFileKind.Unreadable;
            problem = "cannot be read: " + ex.Message.ReplaceLineEndings(" ");
        }

        source.Dispose();
        return null;
    }

    /// <summary>A byte order mark and white space, <c>{</c>, white space, <c>"Records"</c>, white space, <c>:</c>.</summary>
    public static bool StartsLikeLog(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        head = head.TrimStart(" \t\r\n"u8);
        if (head.IsEmpty || head[0] != (byte)'{')
        {
            return false;
        }

        head = head[1..].TrimStart(" \t\r\n"u8);
        if (!head.StartsWith("\"Records\""u8))
        {
            return false;
        }

        head = head["\"Records\"".Length..].TrimStart(" \t\r\n"u8);
        return !head.IsEmpty && head[0] == (byte)':';
    }

    private static int Fill(Stream stream, byte[] buffer, int count)
    {
        var n = 0;
        while (n < count && stream.Read(buffer, n, count - n) is var read and > 0)
        {
            n += read;
        }

        return n;
    }
}
