using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Joins short facts with <c>", "</c> into a caller's buffer of <see cref="DescriptionText.MaxDetailLength"/>
/// characters. A fact that no longer fits is left out whole, so a detail never ends in half a word; only a
/// first fact longer than the whole limit is cut.
/// </summary>
internal ref struct DetailBuilder(Span<char> buffer)
{
    private readonly Span<char> _buffer = buffer;
    private int _length;

    /// <summary>Adds one fact made of up to three words joined by spaces; empty words are skipped.</summary>
    public void Add(ReadOnlySpan<char> first, ReadOnlySpan<char> second = default, ReadOnlySpan<char> third = default)
    {
        var words = (first.IsEmpty ? 0 : 1) + (second.IsEmpty ? 0 : 1) + (third.IsEmpty ? 0 : 1);
        if (words == 0)
        {
            return;
        }

        var factLength = first.Length + second.Length + third.Length + words - 1;
        var separator = _length == 0 ? 0 : 2;
        var room = _buffer.Length - _length - separator;
        if (factLength > room && _length > 0)
        {
            return;
        }

        if (separator > 0)
        {
            _buffer[_length++] = ',';
            _buffer[_length++] = ' ';
        }

        var start = _length;
        var wrote = false;
        Append(first, ref wrote);
        Append(second, ref wrote);
        Append(third, ref wrote);
        if (factLength > room)
        {
            // Only a first fact gets here; Append stopped at the end of the buffer.
            _length = TextCut.Before(_buffer, start + room - 1);

            _buffer[_length++] = DescriptionText.Ellipsis;
        }
    }

    /// <summary>The joined facts, or null when none was added.</summary>
    public readonly string? Build() => _length == 0 ? null : _buffer[.._length].ToString();

    private void Append(ReadOnlySpan<char> word, ref bool wrote)
    {
        if (word.IsEmpty)
        {
            return;
        }

        if (wrote)
        {
            Put(' ');
        }

        foreach (var c in word)
        {
            Put(c);
        }

        wrote = true;
    }

    private void Put(char c)
    {
        if (_length < _buffer.Length)
        {
            _buffer[_length++] = c;
        }
    }
}
