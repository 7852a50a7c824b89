using System.Text.Json;

namespace CloudTrailNotifier.Input;

/// <summary>Telling JSON Lines from one document (or several values in a row) at the start of the input.</summary>
internal sealed partial class EventStreamReader
{
    /// <summary>How far the first line is looked for to tell JSON Lines from one document.</summary>
    private const int LineModeLookahead = 1024 * 1024;

    /// <summary>
    /// JSON Lines when the first line is a whole value followed by more input, or when the first two lines both
    /// start an object and do not read on as one JSON document (a damaged first line then loses only itself, while a
    /// pretty-printed <c>{"Records": [{...},</c> whose next line opens the next record stays one document).
    /// </summary>
    private bool DetectLineMode()
    {
        if (!SkipInsignificant() || _in.Span[0] is not ((byte)'{' or (byte)'['))
        {
            return false;
        }

        var newline = FindInBuffer((byte)'\n', 0, LineModeLookahead);
        if (newline < 0)
        {
            return false;
        }

        var scanner = new JsonValueScanner();
        var end = scanner.Advance(_in.Span[..newline]);
        if (end >= 0 && _in.Span[end..newline].Trim(" \t\r"u8).IsEmpty)
        {
            return NextLineStart(newline) >= 0;
        }

        return _in.Span[0] == (byte)'{' && NextLineStart(newline) is var next and >= 0 && _in.Span[next] == (byte)'{'
            && !ReadsOnAsOneDocument();
    }

    /// <summary>
    /// Whether the input held (up to the lookahead) reads, past the first line break, as the valid beginning of one
    /// JSON value, or as one whole value. Damaged JSON Lines fail within a line or two: their next line opens an
    /// object where a document would need a comma or a closing bracket.
    /// </summary>
    private bool ReadsOnAsOneDocument()
    {
        while (_in.Count < LineModeLookahead && _in.FillMore())
        {
        }

        var reader = new Utf8JsonReader(_in.Span[..Math.Min(_in.Count, LineModeLookahead)], isFinalBlock: false,
            new JsonReaderState(new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth }));
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject)
                {
                    return true;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The index of the first byte that is not white space after <paramref name="from"/>, or -1.</summary>
    private int NextLineStart(int from)
    {
        while (true)
        {
            var index = _in.Span[from..].IndexOfAnyExcept(" \t\r\n"u8);
            if (index >= 0)
            {
                return from + index;
            }

            from = _in.Count;
            if (from > LineModeLookahead * 2 || !_in.FillMore())
            {
                return -1;
            }
        }
    }
}
