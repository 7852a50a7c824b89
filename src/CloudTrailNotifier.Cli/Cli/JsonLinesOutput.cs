using System.Buffers;
using System.Text.Json;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// Writes publish requests as JSON Lines. On a byte stream (the process's standard output) the UTF-8 goes straight
/// out through one reused buffer into the writer's (buffered) stream; on any other writer as text. The bytes are the
/// same either way. Nothing else may write text to the writer meanwhile (it would be held in its own buffer);
/// flushing the writer flushes these bytes too.
/// </summary>
internal sealed class JsonLinesOutput(TextWriter output) : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter? _writer;

    public void Write(Notification notification)
    {
        if (output is not StreamWriter { BaseStream: { CanWrite: true } stream })
        {
            output.Write(PublishRequestJson.Write(notification));
            output.Write('\n');
            return;
        }

        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = PublishRequestJson.CreateWriter(_buffer);
        }
        else
        {
            _writer.Reset(_buffer);
        }

        PublishRequestJson.Write(_writer, notification);
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        stream.Write(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer?.Dispose();
}
