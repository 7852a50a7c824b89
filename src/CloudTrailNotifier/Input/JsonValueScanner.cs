using System.Buffers;

namespace CloudTrailNotifier.Input;

/// <summary>
/// Finds where one JSON value ends without building it: strings, escapes, brackets and comments are tracked, nothing
/// else. Resumable, so a value can be found across buffer refills without rescanning. It does not validate; the
/// parser that reads the value afterwards does.
/// </summary>
internal struct JsonValueScanner
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]/"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(" \t\r\n,]}/"u8);

    private Mode _mode;
    private bool _inString;
    private bool _escape;
    private byte _comment; // 0 none, 1 after '/', 2 line comment, 3 block comment, 4 block comment after '*'

    private enum Mode : byte
    {
        NotStarted,
        Container,
        TopString,
        Scalar,
    }

    /// <summary>How deep the value nests so far (brackets open, counting the outer one).</summary>
    public int Depth { get; private set; }

    /// <summary>The deepest the value nested.</summary>
    public int MaxDepth { get; private set; }

    /// <summary>
    /// Scans <paramref name="data"/>, which continues the value from where the last call stopped (the first call
    /// starts on its first byte). Returns the count of bytes of <paramref name="data"/> up to and including the
    /// value's end, or -1 when the value continues past it.
    /// </summary>
    public int Advance(ReadOnlySpan<byte> data)
    {
        var i = 0;
        if (_mode == Mode.NotStarted && data.Length > 0)
        {
            _mode = data[0] switch
            {
                (byte)'{' or (byte)'[' => Mode.Container,
                (byte)'"' => Mode.TopString,
                _ => Mode.Scalar,
            };
            if (_mode != Mode.Scalar)
            {
                i = 1;
                Depth = _mode == Mode.Container ? 1 : 0;
                MaxDepth = Depth;
            }
        }

        return _mode switch
        {
            Mode.Scalar => data.IndexOfAny(ScalarEnd),
            Mode.TopString => ScanString(data, i, out var end) ? end : -1,
            _ => ScanContainer(data, i),
        };
    }

    /// <summary>A scalar (a number, true, null or a mistake) ends at the end of the input too.</summary>
    public readonly bool EndsAtEndOfInput => _mode == Mode.Scalar;

    private int ScanContainer(ReadOnlySpan<byte> data, int i)
    {
        var inString = _inString;
        while (i < data.Length)
        {
            if (_comment != 0)
            {
                i = ScanComment(data, i);
                continue;
            }

            if (inString)
            {
                if (!ScanString(data, i, out var end))
                {
                    _inString = true;
                    return -1;
                }

                i = end;
                inString = false;
                continue;
            }

            var next = data[i..].IndexOfAny(Structural);
            if (next < 0)
            {
                break;
            }

            i += next;
            switch (data[i])
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    Depth++;
                    MaxDepth = Math.Max(MaxDepth, Depth);
                    break;
                case (byte)'}' or (byte)']':
                    if (--Depth == 0)
                    {
                        _inString = false;
                        return i + 1;
                    }

                    break;
                default:
                    _comment = 1;
                    break;
            }

            i++;
        }

        _inString = inString;
        return -1;
    }

    /// <summary>Scans string content from <paramref name="i"/> (just past the opening quote); true with the index past the closing quote.</summary>
    private bool ScanString(ReadOnlySpan<byte> data, int i, out int end)
    {
        while (i < data.Length)
        {
            if (_escape)
            {
                _escape = false;
                i++;
                continue;
            }

            var next = data[i..].IndexOfAny(StringEnd);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (data[i] == (byte)'\\')
            {
                _escape = true;
                i++;
                continue;
            }

            end = i + 1;
            return true;
        }

        end = data.Length;
        return false;
    }

    private int ScanComment(ReadOnlySpan<byte> data, int i)
    {
        var b = data[i];
        _comment = (_comment, b) switch
        {
            (1, (byte)'/') => 2,
            (1, (byte)'*') => 3,
            (1, _) => 0, // not a comment: the parser will say so
            (2, (byte)'\n') => 0,
            (3, (byte)'*') => 4,
            (4, (byte)'/') => 0,
            (4, (byte)'*') => 4,
            (4, _) => 3,
            _ => _comment,
        };
        return i + 1;
    }
}
