using CloudTrailNotifier.Input;

namespace CloudTrailNotifier.Cli.S3;

/// <summary>
/// An object's body as the SDK streams it, whose failures (a checksum that does not match, a dropped connection)
/// arrive as <see cref="IOException"/>, the one kind the input reader turns into a line. Disposes the response too.
/// </summary>
internal sealed class ReadErrorStream(Stream inner, IDisposable response) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (Exception ex) when (ex is not (IOException or OutOfMemoryException or InvalidDataException))
        {
            var message = ex.Message.AsSpan();
            var end = message.IndexOfAny('\r', '\n');
            throw new IOException((end < 0 ? message : message[..end]).Trim().ToString(), ex);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            response.Dispose();
        }

        base.Dispose(disposing);
    }
}
