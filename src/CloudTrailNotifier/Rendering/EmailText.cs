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
/// no top-level domain stay as they are. Values are judged as they are shown, escaped and cut. The program's own links (built from escaped,
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
        if (value.Length <= maxChars && !value.ContainsAnyExceptInRange(' ', '~') && !(markSpaceRuns && value.Contains("   ", StringComparison.Ordinal)))
        {
            // Printable ASCII without a run of spaces to mark, whole: escaping would leave it as it is, so it is
            // judged as it will be shown.
            Defang(builder, value);
            return 0;
        }

        // Escaping and cutting change what follows a name too (a cut turns evil.comz into evil.com, an escape ends
        // com\u3164 at its backslash): the text is judged only once it is escaped and cut.
        var clean = new StringBuilder(Math.Min(value.Length, maxChars) + 16);
        var omitted = SafeText.Append(clean, value, maxChars, markSpaceRuns);
        Defang(builder, clean.ToString());
        return omitted;
    }

    /// <summary>The escaped and defanged value as a string, cut to <paramref name="maxChars"/> with an ellipsis.</summary>
    public static string Clean(string? value, int maxChars, bool markSpaceRuns = true)
    {
        return Defanged(SafeText.Clean(value, maxChars, markSpaceRuns));
    }

    /// <summary>Text already escaped (and cut, and folded) as it will be shown, defanged; the same string when nothing links.</summary>
    public static string Defanged(string shown)
    {
        if (!MayLink(shown))
        {
            return shown;
        }

        var builder = new StringBuilder(shown.Length + 16);
        Defang(builder, shown);
        return builder.ToString();
    }

    /// <summary>Whether text as it is shown (escaped and cut) holds an address to defang.</summary>
    public static bool MayLink(ReadOnlySpan<char> clean) => Next(clean, 0) >= 0;

    private static void Defang(StringBuilder builder, ReadOnlySpan<char> span)
    {
        var written = 0;
        for (var at = Next(span, 0); at >= 0; at = Next(span, at + 1))
        {
            // The character in brackets: https[:]//, example[.]com, evil[。]com.
            builder.Append(span[written..at]).Append('[').Append(span[at]).Append(']');
            written = at + 1;
        }

        builder.Append(span[written..]);
    }

    /// <summary>
    /// Whether the character at <paramref name="at"/> of escaped text is one defanging replaces: the colon of a linked
    /// scheme's <c>://</c>, or a dot (also an ideographic or fullwidth one, which browsers read as a dot) a client
    /// could link across.
    /// </summary>
    public static bool IsDefanged(ReadOnlySpan<char> clean, int at) => clean[at] switch
    {
        ':' => clean[(at + 1)..].StartsWith("//") && LinkSchemes.IsLinkedScheme(clean[..at]),
        '.' or '\u3002' or '\uFF0E' or '\uFF61' => LinkSchemes.IsLinkableDot(clean, at),
        _ => false,
    };

    /// <summary>The position of the next character to defang from <paramref name="from"/>; -1 when there is none.</summary>
    private static int Next(ReadOnlySpan<char> span, int from)
    {
        while (from < span.Length)
        {
            var found = span[from..].IndexOfAny(LinkSchemes.Separators);
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
