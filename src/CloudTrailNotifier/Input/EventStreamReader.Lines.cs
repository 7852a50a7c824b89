namespace CloudTrailNotifier.Input;

/// <summary>JSON Lines: each line is read on its own, so a damaged line is reported by number and loses only itself.</summary>
internal sealed partial class EventStreamReader
{
    private IEnumerable<InputItem> ReadLines()
    {
        while (!_in.IsEmpty())
        {
            // Named only for a problem: an event's place is never shown.
            var line = _in.Line;
            var newline = FindInBuffer((byte)'\n', 0, MaxEventBytes);
            var length = newline >= 0 ? newline : _in.Count;
            if (length > MaxEventBytes)
            {
                yield return Problem(TooLarge(MaxEventBytes), LineWhere(line));
                if (!SkipLine())
                {
                    yield break;
                }

                continue;
            }

            if (newline < 0 && _in.ReadError is not null)
            {
                yield break; // the read error is the one reported
            }

            if (_in.Span[..length].Trim(" \t\r"u8).IsEmpty)
            {
                _in.Consume(Math.Min(length + 1, _in.Count));
                continue;
            }

            _sawValue = true;
            var (document, problem) = Parse(length, lineRelative: true);
            if (document is null)
            {
                yield return Problem(problem!, LineWhere(line));
            }
            else
            {
                using (document)
                {
                    if (ItemsOf(document.RootElement) is { } items)
                    {
                        foreach (var element in items.EnumerateArray())
                        {
                            yield return new InputItem(element, null, null);
                        }
                    }
                    else
                    {
                        yield return new InputItem(document.RootElement, null, null);
                    }
                }
            }

            _in.Consume(Math.Min(length + 1, _in.Count));
        }
    }

    private static string LineWhere(long line) => $"line {line}";

    /// <summary>Consumes the rest of a line too long to hold; false when the input ends first.</summary>
    private bool SkipLine()
    {
        while (true)
        {
            var index = _in.Span.IndexOf((byte)'\n');
            if (index >= 0)
            {
                _in.Consume(index + 1);
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
