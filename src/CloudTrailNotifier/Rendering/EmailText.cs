using System.Text;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Untrusted text for the email (subject and body): escaped as <see cref="SafeText"/> does, and defanged so that no
/// web address from an event becomes a link. Mail clients turn <c>https://...</c>, <c>www.</c> names and bare domain
/// names (<c>example.com</c>, <c>alice@example.com</c>) in a plain-text message into links on their own, which would
/// let anyone who can get a call recorded (a user agent, a failed request's parameters, an error message) put a
/// clickable address in the alert beside the program's console links. So the <c>://</c> of a web or file address
/// (http, https, ftp, ftps, file; also inside a word, as <c>xhttps://</c> still links) is written <c>[:]//</c>, and a
/// dot a client could link across (<see cref="LinkSchemes.IsLinkableDot"/>: after <c>www</c>, or before a top-level
/// domain) is written <c>[.]</c>, as security tools defang addresses; <c>s3://</c>, versions, IP addresses and dotted
/// names that end in no top-level domain stay as they are. The program's own links (built from escaped,
/// percent-encoded parts) are written directly and are not touched.
/// </summary>
internal static class EmailText
{
    /// <summary>What the <c>://</c> of a defanged address becomes.</summary>
    public const string DefangedSchemeSeparator = "[:]//";

    /// <summary>What a dot a client could link across becomes.</summary>
    public const string DefangedDot = "[.]";

    /// <summary>
    /// Appends at most <paramref name="maxChars"/> characters of <paramref name="value"/>, escaped (see
    /// <see cref="SafeText.Append"/>) and defanged.
    /// </summary>
    /// <returns>How many characters of the value were left out.</returns>
    public static int Append(StringBuilder builder, ReadOnlySpan<char> value, int maxChars, bool markSpaceRuns = true)
    {
        if (!MayLink(value))
        {
            return SafeText.Append(builder, value, maxChars, markSpaceRuns);
        }

        if (value.Length <= maxChars && !value.ContainsAnyExceptInRange(' ', '~') && !(markSpaceRuns && value.Contains("   ", StringComparison.Ordinal)))
        {
            // Printable ASCII without a run of spaces to mark, whole: escaping would leave it as it is.
            Defang(builder, value);
            return 0;
        }

        var clean = new StringBuilder(Math.Min(value.Length, maxChars) + 16);
        var omitted = SafeText.Append(clean, value, maxChars, markSpaceRuns);
        Defang(builder, clean.ToString());
        return omitted;
    }

    /// <summary>The escaped and defanged value as a string, cut to <paramref name="maxChars"/> with an ellipsis.</summary>
    public static string Clean(string? value, int maxChars, bool markSpaceRuns = true)
    {
        var clean = SafeText.Clean(value, maxChars, markSpaceRuns);
        if (!MayLink(clean))
        {
            return clean;
        }

        var builder = new StringBuilder(clean.Length + 16);
        Defang(builder, clean);
        return builder.ToString();
    }

    /// <summary>
    /// Whether the text, before or after escaping, may hold an address to defang. Escaping only replaces characters
    /// and writes no colon or dot, so it cannot add a <c>://</c> or a dot; it can only change the character before
    /// one, which this does not rely on.
    /// </summary>
    public static bool MayLink(ReadOnlySpan<char> value) => Next(value, 0, exact: false) >= 0;

    private static void Defang(StringBuilder builder, ReadOnlySpan<char> span)
    {
        var written = 0;
        for (var at = Next(span, 0, exact: true); at >= 0; at = Next(span, at + 1, exact: true))
        {
            builder.Append(span[written..at]).Append(span[at] == ':' ? "[:]" : DefangedDot);
            written = at + 1;
        }

        builder.Append(span[written..]);
    }

    /// <summary>Whether the character at <paramref name="at"/> of escaped text is one defanging replaces: the colon of a linked scheme's <c>://</c>, or a dot a client could link across.</summary>
    public static bool IsDefanged(ReadOnlySpan<char> clean, int at) => clean[at] switch
    {
        ':' => clean[(at + 1)..].StartsWith("//") && IsLinkScheme(clean[..at]),
        '.' => LinkSchemes.IsLinkableDot(clean, at),
        _ => false,
    };

    /// <summary>
    /// The position of the next colon of a linked scheme's <c>://</c> or dot to defang, from <paramref name="from"/>;
    /// -1 when there is none. Not <paramref name="exact"/>: also every <c>://</c> and every dot a name may end at
    /// once escaped (the check before escaping).
    /// </summary>
    private static int Next(ReadOnlySpan<char> span, int from, bool exact)
    {
        while (from < span.Length)
        {
            var found = span[from..].IndexOfAny(':', '.');
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            var marks = exact ? IsDefanged(span, at)
                : span[at] == ':' ? span[(at + 1)..].StartsWith("//") : LinkSchemes.MayBeLinkableDot(span, at);
            if (marks)
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>Whether the text before a <c>://</c> ends in a scheme mail clients link: a web scheme, or file.</summary>
    private static bool IsLinkScheme(ReadOnlySpan<char> before) =>
        LinkSchemes.EndsWithWebScheme(before) || before.EndsWith("file", StringComparison.OrdinalIgnoreCase);
}
