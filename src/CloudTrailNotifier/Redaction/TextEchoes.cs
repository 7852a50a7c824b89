namespace CloudTrailNotifier.Redaction;

/// <summary>
/// AWS's validation errors echo a refused value BEFORE the member it was given for
/// (<c>Value 'X' at 'userPool.clientSecret' failed to satisfy constraint: ...</c>), so the key rules, which read the key
/// first, cannot see it: the value is hidden when the member path's last name is a secret key. Pure.
/// </summary>
internal static class TextEchoes
{
    /// <summary>What follows an echoed value and comes before its member path: also a trigger of the first look.</summary>
    public const string Marker = "' at '";

    private const string Start = "Value '";

    private const string Failed = "' failed";

    /// <summary>How far after its opening quote an echoed value's <see cref="Marker"/> is looked for.</summary>
    private const int MaxValueChars = 4096;

    /// <summary>How many markers within reach are tried (so text full of them is still read in linear time).</summary>
    private const int MaxMarkers = 8;

    /// <summary>Whether the text may hold an echo (what <see cref="Match"/> needs).</summary>
    public static bool MayMatch(ReadOnlySpan<char> text) => text.Contains(Marker, StringComparison.Ordinal);

    /// <summary>
    /// At the <c>V</c> of <c>Value '</c> (any case): the echoed value's span when its member path names a secret. The
    /// value may hold quotes and spaces: its end is the first <c>' at '&lt;path&gt;' failed</c> among the first markers within reach,
    /// else the first <c>' at '&lt;path&gt;'</c>.
    /// </summary>
    public static bool Match(string text, int i, out int start, out int end)
    {
        start = end = 0;
        if (!text.AsSpan(i).StartsWith(Start, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var valueStart = i + Start.Length;
        var limit = Math.Min(text.Length, valueStart + MaxValueChars);
        var chosen = -1;
        var chosenPath = (Start: 0, End: 0);
        for (var (at, tried) = (valueStart, 0); at < limit && tried < MaxMarkers; tried++)
        {
            var found = text.AsSpan(at, limit - at).IndexOf(Marker, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var marker = at + found;
            var pathStart = marker + Marker.Length;
            var pathEnd = PathEnd(text, pathStart);
            if (pathEnd > pathStart && (chosen < 0 || text.AsSpan(pathEnd).StartsWith(Failed, StringComparison.Ordinal)))
            {
                chosen = marker;
                chosenPath = (pathStart, pathEnd);
                if (text.AsSpan(pathEnd).StartsWith(Failed, StringComparison.Ordinal))
                {
                    break;
                }
            }

            at = marker + 1;
        }

        if (chosen <= valueStart || !NamesSecret(text.AsSpan(chosenPath.Start, chosenPath.End - chosenPath.Start)))
        {
            return false;
        }

        start = valueStart;
        end = chosen;
        return true;
    }

    /// <summary>Where a member path (<c>userPool.clientSecret</c>, <c>users[0].password</c>) ends at its closing quote; the start if none.</summary>
    private static int PathEnd(string text, int start)
    {
        var p = start;
        while (p < text.Length && p - start < RedactionRules.MaxKeyChars
            && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '.' or '_' or '-' or '[' or ']' or '/' or ':' or '$'))
        {
            p++;
        }

        return p < text.Length && text[p] == '\'' ? p : start;
    }

    /// <summary>Whether the path's last name (list indexes and <c>member</c> / <c>entry</c> aside) is a secret key.</summary>
    private static bool NamesSecret(ReadOnlySpan<char> path)
    {
        while (!path.IsEmpty)
        {
            var dot = path.LastIndexOfAny('.', '/');
            var name = path[(dot + 1)..];
            path = dot < 0 ? [] : path[..dot];
            var bracket = name.IndexOf('[');
            name = bracket >= 0 ? name[..bracket] : name;
            if (name.IsEmpty || name.IndexOfAnyExceptInRange('0', '9') < 0
                || name.Equals("member", StringComparison.OrdinalIgnoreCase) || name.Equals("entry", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return TextKeys.IsSecret(name) || RedactionRules.Classify(name, insideSecret: false) == KeyVerdict.SecretScalar;
        }

        return false;
    }
}
