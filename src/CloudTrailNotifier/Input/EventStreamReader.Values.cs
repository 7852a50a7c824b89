namespace CloudTrailNotifier.Input;

/// <summary>
/// One document or several values in a row: a top-level array or a Records array is read one item at a time; any
/// other value is read whole (up to <see cref="MaxEventBytes"/>).
/// </summary>
internal sealed partial class EventStreamReader
{
    private IEnumerable<InputItem> ReadValues()
    {
        while (!_stopped && SkipInsignificant())
        {
            _sawValue = true;
            var first = _in.Span[0];
            if (first == (byte)'[')
            {
                _in.Consume(1);
                foreach (var item in ReadItems("item"))
                {
                    yield return item;
                }
            }
            else if (first == (byte)'{' && RecordsArrayStart() is var start and > 0)
            {
                _in.Consume(start);
                foreach (var item in ReadItems("record"))
                {
                    yield return item;
                }

                if (!_stopped && !SkipRestOfObject())
                {
                    yield return Whole(_in.ReadError is null ? "the input ends inside the log file's object" : _in.ReadError);
                    yield break;
                }
            }
            else
            {
                foreach (var item in ReadValue(where: null, expand: true))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>The items of an array whose <c>[</c> was consumed, up to and including its <c>]</c>.</summary>
    private IEnumerable<InputItem> ReadItems(string noun)
    {
        for (var index = 1; ; index++)
        {
            if (!SkipInsignificant())
            {
                _stopped = true;
                if (_in.ReadError is null)
                {
                    yield return Whole($"the input ends after {noun} {index - 1}, before the array's closing bracket");
                }

                yield break;
            }

            if (_in.Span[0] == (byte)']')
            {
                _in.Consume(1);
                yield break;
            }

            if (index > 1)
            {
                if (_in.Span[0] != (byte)',')
                {
                    _stopped = true;
                    yield return Problem($"not valid JSON at line {_in.Line}, byte {_in.Column + 1} (a comma or ] expected); the rest is not read", $"after {noun} {index - 1}");
                    yield break;
                }

                _in.Consume(1);
                if (!SkipInsignificant())
                {
                    continue;
                }
            }

            foreach (var item in ReadValue($"{noun} {index}", expand: false))
            {
                yield return item;
            }

            if (_stopped)
            {
                yield break;
            }
        }
    }

    /// <summary>One value starting at the first byte held: its events, or its problem.</summary>
    private IEnumerable<InputItem> ReadValue(string? where, bool expand)
    {
        var length = ValueLength();
        if (length == -2)
        {
            _stopped = true;
            yield return new InputItem(default, TooLarge(MaxEventBytes), where);
            yield break;
        }

        if (length < 0)
        {
            _stopped = true;
            if (_in.ReadError is null)
            {
                var (_, problem) = Parse(_in.Count, lineRelative: false);
                yield return new InputItem(default, problem ?? "the input ends inside a value", where);
            }

            yield break;
        }

        var (document, error) = Parse(length, lineRelative: false);
        if (document is null)
        {
            // Where damaged words end is a guess; damaged brackets that balance are one value.
            _stopped |= where is null && _in.Span[0] is not ((byte)'{' or (byte)'[');
            yield return new InputItem(default, error, where);
        }
        else
        {
            using (document)
            {
                if (expand)
                {
                    foreach (var element in Expand(document.RootElement))
                    {
                        yield return new InputItem(element, null, where);
                    }
                }
                else
                {
                    yield return new InputItem(document.RootElement, null, where);
                }
            }
        }

        _in.Consume(length);
    }

    /// <summary>The length of the value starting at the first byte held; -1 when the input ends inside it, -2 when it is too large.</summary>
    private int ValueLength()
    {
        var scanner = new JsonValueScanner();
        var scanned = 0;
        while (true)
        {
            var end = scanner.Advance(_in.Span[scanned..]);
            if (end >= 0)
            {
                // A stray ',' ']' or '}' is a one-byte value the parser rejects.
                var length = Math.Max(scanned + end, 1);
                return length > MaxEventBytes ? -2 : length;
            }

            scanned = _in.Count;
            if (scanned > MaxEventBytes)
            {
                return -2;
            }

            if (!_in.FillMore())
            {
                return _in.Count > MaxEventBytes ? -2
                    : scanner.EndsAtEndOfInput && _in.ReadError is null && _in.Count > 0 ? _in.Count
                    : -1;
            }
        }
    }

    /// <summary>The length of <c>{"Records": [</c> at the start of the bytes held (white space allowed), or 0.</summary>
    private int RecordsArrayStart()
    {
        while (_in.Count < 64 && _in.FillMore())
        {
        }

        var span = _in.Span;
        var i = SkipSpace(span, 1);
        if (!span[i..].StartsWith("\"Records\""u8))
        {
            return 0;
        }

        i = SkipSpace(span, i + 9);
        if (i >= span.Length || span[i] != (byte)':')
        {
            return 0;
        }

        i = SkipSpace(span, i + 1);
        return i < span.Length && span[i] == (byte)'[' ? i + 1 : 0;
    }

    private static int SkipSpace(ReadOnlySpan<byte> span, int i)
    {
        var index = i < span.Length ? span[i..].IndexOfAnyExcept(" \t\r\n"u8) : -1;
        return index < 0 ? span.Length : i + index;
    }

    /// <summary>Skips the members after the Records array, through the object's closing brace; false when the input ends first.</summary>
    private bool SkipRestOfObject()
    {
        var scanner = new JsonValueScanner();
        scanner.Advance("{"u8);
        while (true)
        {
            var end = scanner.Advance(_in.Span);
            if (end >= 0)
            {
                _in.Consume(end);
                return true;
            }

            _in.Consume(_in.Count);
            if (!_in.FillMore())
            {
                return false;
            }
        }
    }
}
