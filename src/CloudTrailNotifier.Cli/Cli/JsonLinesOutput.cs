using System.Buffers;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// Writes publish requests as JSON Lines. On a byte stream (the process's standard output) the UTF-8 goes straight
/// out through one reused buffer into the writer's (buffered) stream; on any other writer as text. The bytes are the
/// same either way. Nothing else may write text to the writer meanwhile (it would be held in its own buffer);
/// flushing the writer flushes these bytes too.
/// </summary>
internal sealed class JsonLinesOutput(TextWriter output)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public void Write(Notification notification)
    {
        if (output is not StreamWriter { BaseStream: { CanWrite: true } stream })
        {
            output.Write(PublishRequestJson.Write(notification));
            output.Write('\n');
            return;
        }

        _buffer.ResetWrittenCount();
        PublishRequestJson.Write(_buffer, notification);
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        stream.Write(_buffer.WrittenSpan);
    }
}
