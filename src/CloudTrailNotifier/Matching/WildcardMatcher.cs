namespace CloudTrailNotifier.Matching;

/// <summary>
/// <c>{"wildcard": "*:prod/db-*"}</c>: the whole string, where each <c>*</c> stands for any run of characters (none
/// included). <c>\*</c> is a literal asterisk and <c>\\</c> a literal backslash.
/// </summary>
internal sealed class WildcardMatcher : LeafMatcher
{
    /// <summary>The literal parts between the stars; a star sits between each two.</summary>
    private readonly string[] _parts;

    private WildcardMatcher(string[] parts) => _parts = parts;

    /// <summary>The matcher, or the reason the text is not a valid wildcard (as EventBridge refuses it).</summary>
    public static WildcardMatcher Parse(string pattern, out string? problem)
    {
        problem = null;
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
                {
                    current.Append(pattern[++i]);
                    continue;
                }

                problem = "a backslash in a wildcard may only escape * or \\";
                return new WildcardMatcher([]);
            }

            if (c == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    problem = "a wildcard may not have two * in a row";
                    return new WildcardMatcher([]);
                }

                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return new WildcardMatcher([.. parts]);
    }

    public override bool Matches(in Leaf leaf) => leaf.Kind == LeafKind.String && Matches(leaf.Text!);

    private bool Matches(string text)
    {
        var first = _parts[0];
        if (_parts.Length == 1)
        {
            return string.Equals(text, first, StringComparison.Ordinal);
        }

        var last = _parts[^1];
        if (text.Length < first.Length + last.Length
            || !text.StartsWith(first, StringComparison.Ordinal)
            || !text.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        // Between the fixed ends, each middle part at its leftmost place leaves the most room for the rest.
        var position = first.Length;
        var end = text.Length - last.Length;
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var part = _parts[i];
            var found = text.AsSpan(position, end - position).IndexOf(part, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position += found + part.Length;
        }

        return true;
    }
}
