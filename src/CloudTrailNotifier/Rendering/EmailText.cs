using System.Text;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Untrusted text for the email (subject and body): escaped as <see cref="SafeText"/> does, and defanged so that no
/// web address from an event becomes a link. Mail clients turn <c>https://...</c>, <c>www.</c> names and bare domain
/// names (<c>example.com</c>, <c>alice@example.com</c>) in a plain-text message into links on their own, which would
/// let anyone who can get a call recorded (a user agent, a failed request's parameters, an error message) put a
/// clickable address in the alert beside the program's console links. So the <c>://</c> of an address (any scheme
/// but s3: <see cref="LinkSchemes.IsLinkedScheme"/>) is written <c>[:]//</c>, and a dot a client could link across
/// (<see cref="LinkSchemes.IsLinkableDot"/>: after <c>www</c> or <c>ftp</c>, or before a top-level domain) is written
/// <c>[.]</c>, as security tools defang addresses; <c>s3://</c>, versions, IP addresses and dotted names that end in
/// no top-level domain stay as they are. A dot or colon is also any character a browser reads as one
/// (<see cref="LinkSeparators"/>: <c>evil[﹒]com</c>, <c>login[⒈]com</c>), and <c>https:</c> with no slashes
/// (<c>https[:]3640133122</c>, a host as one number) is defanged too. Values are judged as they are shown, escaped and cut. The program's own links (built from escaped,
/// percent-encoded parts) are written directly and are not touched.
/// </summary>
internal static class EmailText
{
    /// <summary>
    /// Appends at most <paramref name="maxChars"/> characters of <paramref name="value"/>, escaped (see
    /// <see cref="SafeText.Append"/>) and defanged.
    /// </summary>
    /// <returns>How many characters of the value were left out.</returns>
    public static int Append(StringBuilder builder, ReadOnlySpan<char> value, int maxChars, bool markSpaceRuns = true)
    {
        if (value.Length <= maxChars && IsPlainAscii(value, markSpaceRuns))
        {
            // Printable ASCII without a run of spaces to mark, whole: escaping would leave it as it is, so it is
            // judged as it will be shown.
            Defang(builder, value, Next(value, 0, ascii: true), ascii: true);
            return 0;
        }

        // Escaping and cutting change what follows a name too (a cut turns evil.comz into evil.com, an escape ends
        // com\u3164 at its backslash): the text is judged only once it is escaped and cut.
        var clean = new StringBuilder(Math.Min(value.Length, maxChars) + 16);
        var omitted = SafeText.Append(clean, value, maxChars, markSpaceRuns);
        var text = clean.ToString();
        var ascii = IsAsciiOnly(text);
        Defang(builder, text, Next(text, 0, ascii), ascii);
        return omitted;
    }

    /// <summary>The escaped and defanged value as a string, cut to <paramref name="maxChars"/> with an ellipsis.</summary>
    public static string Clean(string? value, int maxChars, bool markSpaceRuns = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Printable ASCII without a run of spaces to mark, whole, is its own escaped form (as SafeText.Clean finds too).
        var plain = value.Length <= maxChars && IsPlainAscii(value, markSpaceRuns);
        var clean = plain ? value : SafeText.Clean(value, maxChars, markSpaceRuns);
        return Defanged(clean, plain || IsAsciiOnly(clean));
    }

    /// <summary>Text already escaped (and cut, and folded) as it will be shown, defanged; the same string when nothing links.</summary>
    public static string Defanged(string shown) => Defanged(shown, IsAsciiOnly(shown));

    private static string Defanged(string clean, bool ascii)
    {
        var first = Next(clean, 0, ascii);
        if (first < 0)
        {
            return clean;
        }

        // Each defanged character takes two brackets more: three times the text always has room.
        Span<char> text = clean.Length <= StackChars / 3 ? stackalloc char[StackChars] : new char[3 * clean.Length];
        var length = Defang(text, clean, first, ascii);
        return new string(text[..length]);
    }

    /// <summary>Whether text as it is shown (escaped and cut) holds an address to defang.</summary>
    public static bool MayLink(ReadOnlySpan<char> clean) => Next(clean, 0, IsAsciiOnly(clean)) >= 0;

    /// <summary>Characters of the stack buffer <see cref="Clean"/> defangs short values in.</summary>
    private const int StackChars = 768;

    /// <summary>
    /// Whether escaping leaves <paramref name="value"/> as it is: printable ASCII, and no run of spaces to mark. Most
    /// values have no space at all, which one search tells; from the first space on, the rest is looked at.
    /// </summary>
    private static bool IsPlainAscii(ReadOnlySpan<char> value, bool markSpaceRuns)
    {
        var odd = value.IndexOfAnyExceptInRange('!', '~');
        if (odd < 0)
        {
            return true;
        }

        var rest = value[odd..];
        return rest[0] == ' ' && !rest.ContainsAnyExceptInRange(' ', '~') && !(markSpaceRuns && rest.Contains("   ", StringComparison.Ordinal));
    }

    /// <summary>Whether the text holds none of the separators beyond ASCII, so that only <c>:</c> and <c>.</c> are looked for.</summary>
    private static bool IsAsciiOnly(ReadOnlySpan<char> text) => !text.ContainsAnyInRange(LinkSeparators.FirstWide, char.MaxValue);

    /// <summary>Appends <paramref name="span"/> defanged; <paramref name="first"/> is its first character to defang (-1: none).</summary>
    private static void Defang(StringBuilder builder, ReadOnlySpan<char> span, int first, bool ascii)
    {
        var written = 0;
        for (var at = first; at >= 0; at = Next(span, at + 1, ascii))
        {
            // The character in brackets: https[:]//, example[.]com, evil[。]com (two units for one beyond the BMP).
            var width = LinkSeparators.WidthAt(span, at);
            builder.Append(span[written..at]).Append('[').Append(span.Slice(at, width)).Append(']');
            written = at + width;
        }

        builder.Append(span[written..]);
    }

    /// <summary>Writes <paramref name="span"/> defanged into <paramref name="text"/> (room for three times it) as <see cref="Defang(StringBuilder, ReadOnlySpan{char}, int, bool)"/> appends it.</summary>
    /// <returns>How many characters were written.</returns>
    private static int Defang(Span<char> text, ReadOnlySpan<char> span, int first, bool ascii)
    {
        var written = 0;
        var length = 0;
        for (var at = first; at >= 0; at = Next(span, at + 1, ascii))
        {
            span[written..at].CopyTo(text[length..]);
            length += at - written;
            var width = LinkSeparators.WidthAt(span, at);
            text[length++] = '[';
            span.Slice(at, width).CopyTo(text[length..]);
            length += width;
            text[length++] = ']';
            written = at + width;
        }

        span[written..].CopyTo(text[length..]);
        return length + span.Length - written;
    }

    /// <summary>
    /// Whether the character at <paramref name="at"/> of escaped text is one defanging puts in brackets (with the low
    /// surrogate after it, when it is a pair: <see cref="LinkSeparators.WidthAt"/>): the colon of a linked scheme
    /// (<see cref="LinkSchemes.IsSchemeColon"/>), or a dot a client could link across. Any character a browser reads as a
    /// dot or colon counts as one (<see cref="LinkSeparators"/>).
    /// </summary>
    public static bool IsDefanged(ReadOnlySpan<char> clean, int at)
    {
        var c = clean[at];
        if (c < LinkSeparators.FirstWide)
        {
            return c switch
            {
                ':' => LinkSchemes.IsSchemeColon(clean, at, 1),
                '.' => LinkSchemes.IsLinkableDot(clean, at),
                _ => false,
            };
        }

        var codePoint = LinkSeparators.CodePointAt(clean, at, out var width);
        return LinkSeparators.IsColon(codePoint) ? LinkSchemes.IsSchemeColon(clean, at, width)
            : LinkSeparators.IsDot(codePoint) && LinkSchemes.IsLinkableDot(clean, at);
    }

    /// <summary>
    /// The position of the next character to defang from <paramref name="from"/>; -1 when there is none. Text without the
    /// separators beyond ASCII (<paramref name="ascii"/>) is searched for <c>:</c> and <c>.</c> alone, a faster search.
    /// </summary>
    private static int Next(ReadOnlySpan<char> span, int from, bool ascii)
    {
        while (from < span.Length)
        {
            var found = ascii ? span[from..].IndexOfAny(':', '.') : span[from..].IndexOfAny(LinkSchemes.Separators);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (IsDefanged(span, at))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }
}
