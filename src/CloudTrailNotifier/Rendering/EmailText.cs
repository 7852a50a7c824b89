using System.Buffers;
using System.Text;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Untrusted text for the email (subject and body): escaped as <see cref="SafeText"/> does, and defanged so that no
/// web address from an event becomes a link. Mail clients turn <c>https://...</c> and <c>www.</c> in a plain-text
/// message into links on their own, which would let anyone who can get a call recorded (a user agent, a failed
/// request's parameters, an error message) put a clickable address in the alert beside the program's console links.
/// So the <c>://</c> of a web or file address (http, https, ftp, ftps, file; also inside a word, as <c>xhttps://</c>
/// still links) is written <c>[:]//</c> and <c>www.</c> is written <c>www[.]</c>, as security tools defang addresses;
/// <c>s3://</c> and other addresses mail clients do not link stay as they are. The program's own links (built from
/// escaped, percent-encoded parts) are written directly and are not touched.
/// </summary>
internal static class EmailText
{
    /// <summary>What the <c>://</c> of a defanged address becomes.</summary>
    public const string DefangedSchemeSeparator = "[:]//";

    /// <summary>What <c>www.</c> becomes.</summary>
    public const string DefangedWww = "[.]";

    private static readonly SearchValues<string> Marks = SearchValues.Create(["://", "www."], StringComparison.OrdinalIgnoreCase);

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
    /// Whether the text holds a mark a defanged address starts from. Escaping only replaces characters, so text
    /// without a mark has none after escaping either.
    /// </summary>
    public static bool MayLink(ReadOnlySpan<char> value) => value.IndexOfAny(Marks) >= 0;

    private static void Defang(StringBuilder builder, string clean)
    {
        var span = clean.AsSpan();
        var written = 0;
        for (var at = span.IndexOfAny(Marks); at >= 0; at = Next(span, at))
        {
            if (span[at] == ':')
            {
                if (IsLinkScheme(span[..at]))
                {
                    builder.Append(span[written..at]).Append(DefangedSchemeSeparator);
                    written = at + 3;
                }
            }
            else
            {
                builder.Append(span[written..(at + 3)]).Append(DefangedWww);
                written = at + 4;
            }
        }

        builder.Append(span[written..]);
    }

    private static int Next(ReadOnlySpan<char> span, int at)
    {
        var from = at + 3;
        var next = span[from..].IndexOfAny(Marks);
        return next < 0 ? -1 : from + next;
    }

    /// <summary>Whether the text before a <c>://</c> ends in a scheme mail clients link: a web scheme, or file.</summary>
    private static bool IsLinkScheme(ReadOnlySpan<char> before) =>
        LinkSchemes.EndsWithWebScheme(before) || before.EndsWith("file", StringComparison.OrdinalIgnoreCase);
}
