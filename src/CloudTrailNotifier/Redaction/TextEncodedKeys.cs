namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Keys and values the text rules read in encoded forms: fullwidth letters (<c>ｐａｓｓｗｏｒｄ=x</c>, folded to ASCII
/// before any rule looks), a percent-encoded letter in a key (<c>pass%77ord=x</c>) or <c>=</c> after it
/// (<c>password%3Dx</c>) or a fullwidth <c>：</c> escaped as JSON text writes it (<c>\uFF1A</c>), an XML element (<c>&lt;Password&gt;x&lt;/Password&gt;</c>, the <c>&lt;pre_shared_key&gt;</c> of an
/// EC2 VPN's customerGatewayConfiguration), and a key and its value separated by a tab (<c>password\tx</c>). Pure.
/// </summary>
internal static class TextEncodedKeys
{
    /// <summary>The fullwidth forms of the ASCII signs, digits and letters (U+FF01-U+FF5E: ASCII plus 0xFEE0).</summary>
    private const char FirstWide = '\uFF01';

    private const char LastWide = '\uFF5E';

    private const int WideOffset = 0xFEE0;

    /// <summary>How far an XML element's value is looked at for its end (a PEM key in one is longer than most).</summary>
    private const int MaxElementChars = 16 * 1024;

    /// <summary>Whether the text holds a fullwidth form of an ASCII character.</summary>
    public static bool HasWideForms(ReadOnlySpan<char> text) => text.IndexOfAnyInRange(FirstWide, LastWide) >= 0;

    /// <summary>The text with fullwidth forms as their ASCII characters (the same length); the same instance when it has none.</summary>
    public static string WidthFolded(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange(FirstWide, LastWide);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (destination, state) =>
        {
            state.text.AsSpan().CopyTo(destination);
            for (var i = state.first; i < destination.Length; i++)
            {
                destination[i] = Narrow(destination[i]);
            }
        });
    }

    /// <summary>A fullwidth form's ASCII character; any other character as it is.</summary>
    public static char Narrow(char c) => c is >= FirstWide and <= LastWide ? (char)(c - WideOffset) : c;

    /// <summary>
    /// The length of a percent escape at <paramref name="i"/> that spells a key's character (a letter, a digit, <c>_ - .</c>);
    /// 0 when there is none. <paramref name="decoded"/> is the character.
    /// </summary>
    public static int PercentLength(string text, int i, out char decoded)
    {
        decoded = '\0';
        if (i + 2 >= text.Length || text[i] != '%' || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
        {
            return 0;
        }

        var c = (char)Convert.ToInt32(text.Substring(i + 1, 2), 16);
        if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            return 0;
        }

        decoded = c;
        return 3;
    }

    /// <summary>Whether a percent escape ends right before <paramref name="i"/> (<c>%26password</c>: a word starts after it).</summary>
    public static bool FollowsPercentEscape(string text, int i) =>
        i >= 3 && text[i - 3] == '%' && char.IsAsciiHexDigit(text[i - 2]) && char.IsAsciiHexDigit(text[i - 1]);

    /// <summary>
    /// The value after a key (from <paramref name="keyStart"/> to <paramref name="keyEnd"/>) in a form the plain key rule
    /// does not read: an XML element's text, a value after a percent-encoded <c>=</c>, or after a tab. <paramref name="bare"/>:
    /// an unquoted word (its end may be widened as for <c>key=value</c>).
    /// </summary>
    public static bool MatchValue(string text, int keyStart, int keyEnd, out int start, out int end, out bool bare)
    {
        start = end = 0;
        bare = false;
        if (keyEnd >= text.Length)
        {
            return false;
        }

        if (text[keyEnd] == '>' && OpensElement(text, keyStart))
        {
            start = keyEnd + 1;
            var close = text.AsSpan(start, Math.Min(text.Length - start, MaxElementChars)).IndexOf('<');
            end = close < 0 ? Math.Min(text.Length, start + MaxElementChars) : start + close;
            return IsValue(text, start, end);
        }

        var p = keyEnd;
        if (text.AsSpan(p).StartsWith("%3D", StringComparison.OrdinalIgnoreCase))
        {
            p += 3;
        }
        else if (EscapedWideSignLength(text, p) is > 0 and var sign)
        {
            p = TextScan.SkipSpaces(text, p + sign); // ﾊﾟｽﾜｰﾄﾞ\uFF1Ax: JSON text written with every character beyond ASCII escaped
        }
        else
        {
            p = TextScan.SkipClosingQuote(text, p);
            if (!StartsWithTab(text, p))
            {
                return false;
            }

            p = TextScan.SkipSpaces(text, p);
            if (p < text.Length && text[p] is ':' or '=')
            {
                return false; // the plain key rule's shape, judged there
            }
        }

        if (p < text.Length && text[p] is '"' or '\'')
        {
            start = p + 1;
            end = TextScan.ClosingQuote(text, start, text[p], 0);
            return IsValue(text, start, end);
        }

        bare = true;
        start = end = p;
        while (end < text.Length && !TextScan.IsValueEnd(text, end))
        {
            end++;
        }

        return IsValue(text, start, end);
    }

    /// <summary>
    /// The length of a JSON <c>\u</c> escape (after one or more backslashes) of a fullwidth <c>：</c> or <c>＝</c> at
    /// <paramref name="p"/>, which an encoder that escapes everything beyond ASCII writes after a key; 0 when there is none.
    /// </summary>
    public static int EscapedWideSignLength(string text, int p) =>
        p < text.Length && text[p] == '\\' && TextKeys.EscapeLength(text, p, out var decoded) is > 0 and var length
            && decoded is '\uFF1A' or '\uFF1D' ? length : 0;

    /// <summary>Whether text may hold an escaped fullwidth sign (<see cref="EscapedWideSignLength"/>): a cheap look.</summary>
    public static bool MayHoldEscapedWideSign(ReadOnlySpan<char> text) =>
        text.Contains("uFF1A", StringComparison.OrdinalIgnoreCase) || text.Contains("uFF1D", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the key at <paramref name="keyStart"/> names an XML element: after <c>&lt;</c>, or after <c>&lt;prefix:</c>.</summary>
    private static bool OpensElement(string text, int keyStart)
    {
        var p = keyStart - 1;
        if (p >= 0 && text[p] == ':')
        {
            p--;
            while (p >= 0 && p > keyStart - RedactionRules.MaxKeyChars && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '_' or '-' or '.'))
            {
                p--;
            }
        }

        return p >= 0 && text[p] == '<';
    }

    /// <summary>Whether a tab, plain or escaped as JSON text writes it (<c>\t</c> after any number of backslashes), starts at <paramref name="p"/>.</summary>
    private static bool StartsWithTab(string text, int p)
    {
        var q = p;
        while (q < text.Length && text[q] == '\\')
        {
            q++;
        }

        return q < text.Length && (q == p ? text[q] == '\t' : text[q] == 't');
    }

    private static bool IsValue(string text, int start, int end)
    {
        var value = text.AsSpan(start, end - start);
        return !value.Trim().IsEmpty && !RedactionRules.IsBooleanLike(value) && !value.Equals("null", StringComparison.Ordinal);
    }
}
