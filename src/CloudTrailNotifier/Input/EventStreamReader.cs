using System.Text.Json;

namespace CloudTrailNotifier.Input;

/// <summary>
/// Reads events from a stream one at a time, in input order, holding only the event being read: one EventBridge
/// event, a bare CloudTrail record, a CloudTrail log file (<c>{"Records": [...]}</c>), a JSON array of events, JSON
/// Lines or several JSON values, each optionally gzip-compressed. A damaged line or record is reported and skipped;
/// damage that leaves the rest unreadable ends the input with one problem.
/// </summary>
internal sealed partial class EventStreamReader(Stream stream)
{
    /// <summary>The largest event read, far above EventBridge's 256 KB.</summary>
    public const int MaxEventBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = InputReader.Options;

    private InputBuffer _in = null!;
    private bool _sawValue;
    private bool _stopped;

    /// <summary>The events and problems in the input. Each event's element is valid until the next item is read.</summary>
    public IEnumerable<InputItem> Read()
    {
        var opened = Open();
        if (opened is not null)
        {
            yield return Whole(opened);
            yield break;
        }

        while (_in.Count < 4 && _in.FillMore())
        {
        }

        if (TextEncodingCheck.DescribeNonUtf8(_in.Span) is { } encodingError)
        {
            yield return Whole(encodingError);
            yield break;
        }

        if (_in.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _in.Consume(3);
        }

        var any = false;
        var problems = false;
        foreach (var item in DetectLineMode() ? ReadLines() : ReadValues())
        {
            any |= item.IsEvent;
            problems |= !item.IsEvent;
            yield return item;
        }

        if (_in.ReadError is { } readError)
        {
            yield return Whole(readError);
        }
        else if (!any && !problems)
        {
            yield return Whole(_sawValue
                ? "no events in the input (an empty list or an empty Records array)"
                : "the input is empty; expected a JSON event");
        }
    }

    private string? Open()
    {
        try
        {
            _in = new InputBuffer(InputBuffer.Decompressing(stream), MaxEventBytes);
            return null;
        }
        catch (IOException ex)
        {
            return "cannot be read: " + ex.Message.ReplaceLineEndings(" ");
        }
    }

    private static InputItem Whole(string problem) => new(default, problem, null);

    private static InputItem Problem(string problem, string where) => new(default, problem, where);

    /// <summary>The index of <paramref name="value"/> in the bytes held from <paramref name="from"/>, reading up to <paramref name="limit"/> bytes; -1 when not there.</summary>
    private int FindInBuffer(byte value, int from, int limit)
    {
        while (true)
        {
            var index = _in.Span[from..].IndexOf(value);
            if (index >= 0)
            {
                return from + index;
            }

            from = _in.Count;
            if (from > limit || !_in.FillMore())
            {
                return -1;
            }
        }
    }

    /// <summary>Skips white space and comments; false when the input ends.</summary>
    private bool SkipInsignificant()
    {
        while (true)
        {
            if (_in.Count == 0 && !_in.FillMore())
            {
                return false;
            }

            var span = _in.Span;
            var index = span.IndexOfAnyExcept(" \t\r\n"u8);
            if (index < 0)
            {
                _in.Consume(span.Length);
                continue;
            }

            _in.Consume(index);
            if (span[index] != (byte)'/')
            {
                return true;
            }

            while (_in.Count < 2 && _in.FillMore())
            {
            }

            if (_in.Count < 2 || _in.Span[1] is not ((byte)'/' or (byte)'*'))
            {
                return true; // not a comment: the parser will say what it is
            }

            if (!SkipPast(_in.Span[1] == (byte)'/' ? "\n"u8 : "*/"u8))
            {
                return false;
            }
        }
    }

    /// <summary>Consumes bytes up to and including <paramref name="terminator"/>; false when the input ends first.</summary>
    private bool SkipPast(ReadOnlySpan<byte> terminator)
    {
        _in.Consume(2);
        while (true)
        {
            var index = _in.Span.IndexOf(terminator);
            if (index >= 0)
            {
                _in.Consume(index + terminator.Length);
                return true;
            }

            // Keep the last bytes: the terminator may straddle the refill.
            _in.Consume(Math.Max(0, _in.Count - (terminator.Length - 1)));
            if (!_in.FillMore())
            {
                return false;
            }
        }
    }

    /// <summary>Parses one value held in the buffer; the document or the problem.</summary>
    private (JsonDocument? Document, string? Problem) Parse(int length, bool lineRelative)
    {
        var memory = _in.Memory(length);
        try
        {
            return (InputReader.Parse(memory), null);
        }
        catch (JsonException ex)
        {
            var scanner = new JsonValueScanner();
            scanner.Advance(memory.Span);
            if (scanner.MaxDepth > DocumentOptions.MaxDepth)
            {
                return (null, $"the JSON is nested more than {DocumentOptions.MaxDepth} levels deep, more than any CloudTrail event; it is not read");
            }

            return (null, DescribeJsonError(ex, lineRelative));
        }
    }

    /// <summary>The position only: a parser message may quote the event's own characters.</summary>
    private string DescribeJsonError(JsonException ex, bool lineRelative)
    {
        var line = ex.LineNumber ?? 0;
        var column = (ex.BytePositionInLine ?? 0) + (line == 0 ? _in.Column : 0);
        return lineRelative
            ? $"not valid JSON at byte {column + 1}"
            : $"not valid JSON at line {_in.Line + line}, byte {column + 1}";
    }

    private static string TooLarge(int bytes) =>
        $"the event is larger than {bytes / (1024 * 1024)} MiB, far more than EventBridge's 256 KB; it and the rest of the input are not read";

    /// <summary>The events a parsed value holds: a Records file's records, an array's items, or the value itself.</summary>
    private static IEnumerable<JsonElement> Expand(JsonElement root)
    {
        if (ItemsOf(root) is not { } items)
        {
            yield return root;
            yield break;
        }

        foreach (var item in items.EnumerateArray())
        {
            yield return item;
        }
    }

    /// <summary>The array whose items are the events when the value is an array or a Records file; null when it is one event.</summary>
    private static JsonElement? ItemsOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root
        : root.ValueKind == JsonValueKind.Object && Events.JsonFields.TryGet(root, "Records", out var records)
            && records.ValueKind == JsonValueKind.Array ? records
        : null;
}
