using System.Text;

namespace CloudTrailNotifier.Rendering.Chat;

/// <summary>
/// Chat markdown (Slack mrkdwn as Amazon Q Developer passes it on, and the Teams rendering of it) for untrusted text.
/// Every value from an event stands in an inline code span, where chat platforms neither format, link nor
/// mention, and the value cannot close its span: a backtick in it becomes U+02CB. As a second layer, for a client
/// that would not honour the span, the value also loses what could form a control sequence or a link by itself:
/// angle brackets become U+2039/U+203A (no <c>&lt;!here&gt;</c>, <c>&lt;@U...&gt;</c>, <c>&lt;url|x&gt;</c>, Teams'
/// <c>&lt;at&gt;</c>), an <c>@</c> that starts a word or precedes here, channel or everyone becomes U+FF20 (no <c>@here</c>;
/// <c>alice@example.com</c> keeps its <c>@</c>), the <c>://</c> of an address (any scheme but s3) is written <c>[:]//</c> and a dot a client could link across (after <c>www</c>,
/// or before a top-level domain: <see cref="LinkSchemes.IsLinkableDot"/>) is written <c>[.]</c>, as security tools defang addresses,
/// with every character a browser reads as a dot or colon (<see cref="LinkSeparators"/>) and <c>https:</c> without slashes
/// (<c>[Approve](https:3640133122)</c> links where a client shows no code span, as Teams' markdown has none). Line breaks,
/// controls and invisible characters are shown escaped first, as in the email (<see cref="SafeText"/>).
/// </summary>
internal static class ChatMarkdown
{
    public const char CodeMark = '`';

    /// <summary>What a backtick inside a value becomes: U+02CB MODIFIER LETTER GRAVE ACCENT, which looks alike and closes nothing.</summary>
    public const char BacktickStandIn = '\u02CB';

    /// <summary>The value in a code span, escaped and cut to <paramref name="maxChars"/>; null when there is nothing to show.</summary>
    public static string? Code(string? value, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxChars) + 8);
        builder.Append(CodeMark);
        Neutralize(builder, SafeText.Clean(value, maxChars));
        return builder.Append(CodeMark).ToString();
    }

    /// <summary>
    /// Plain text for fields that may not be rendered as markdown at all (summary, keywords, related resources):
    /// escaped like <see cref="Code"/>, and the characters that format (<c>* _ ~ |</c>, square brackets) become look-alikes.
    /// </summary>
    public static string Plain(string? value, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxChars) + 8);
        Neutralize(builder, SafeText.Clean(value, maxChars));
        for (var i = 0; i < builder.Length; i++)
        {
            builder[i] = builder[i] switch
            {
                '*' => '\u2217',
                '_' => '\uFF3F',
                '~' => '\uFF5E',
                '|' => '\u00A6',
                '[' => '\uFF3B',
                ']' => '\uFF3D',
                var c => c,
            };
        }

        return builder.ToString();
    }

    /// <summary>
    /// A link the program built (a console address): <c>&lt;url|label&gt;</c>. Null when the address is not a plain
    /// https URL (nothing that could end the link or add a label to it), so a malformed one is left out, never shown.
    /// </summary>
    public static string? Link(string? url, string label)
    {
        if (url is null || !url.StartsWith("https://", StringComparison.Ordinal) || url.Length > 2048)
        {
            return null;
        }

        foreach (var c in url)
        {
            if (c <= ' ' || c >= 0x7F || c is '|' or '<' or '>' or '`' or '"' or '\\')
            {
                return null;
            }
        }

        return $"<{url}|{label}>";
    }

    /// <summary>The program's own label in bold.</summary>
    public static string Bold(string label) => $"*{label}*";

    /// <summary>
    /// Puts a space between a code span and a letter that touches it: Slack renders a span only at a word
    /// boundary, and Japanese text has no spaces, so <c>`alice`が</c> would show its backticks and leave the value
    /// unprotected. Values carry no backticks (<see cref="BacktickStandIn"/>), so every backtick in a line is a
    /// delimiter and they pair up in order.
    /// </summary>
    public static string SpaceCodeSpans(string line)
    {
        if (!line.Contains(CodeMark, StringComparison.Ordinal))
        {
            return line;
        }

        var builder = new StringBuilder(line.Length + 8);
        var inside = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c != CodeMark)
            {
                builder.Append(c);
                continue;
            }

            if (!inside && i > 0 && !IsBoundary(line[i - 1]))
            {
                builder.Append(' ');
            }

            builder.Append(c);
            if (inside && i + 1 < line.Length && !IsBoundary(line[i + 1]))
            {
                builder.Append(' ');
            }

            inside = !inside;
        }

        return builder.ToString();
    }

    /// <summary>The words that notify a whole channel, which no <c>@</c> from an event may precede, not even inside a word.</summary>
    private static bool IsBroadcast(ReadOnlySpan<char> rest) =>
        rest.StartsWith("here", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("channel", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("everyone", StringComparison.OrdinalIgnoreCase);

    private static bool IsBoundary(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or ',' or '.' or ':' or ';' or '!' or '?' or '/' or '-' or '\'' or '"';

    private static void Neutralize(StringBuilder builder, string clean)
    {
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            switch (c)
            {
                case CodeMark:
                    builder.Append(BacktickStandIn);
                    break;
                case '<':
                    builder.Append('\u2039');
                    break;
                case '>':
                    builder.Append('\u203A');
                    break;
                case '@' when i == 0 || !char.IsLetterOrDigit(clean[i - 1]) || IsBroadcast(clean.AsSpan(i + 1)):
                    builder.Append('\uFF20');
                    break;
                case ':' or '.' or >= LinkSeparators.FirstWide when LinkSeparators.All.Contains(c) && EmailText.IsDefanged(clean, i):
                    // Chat clients link addresses, www. names and bare domain names in plain text as mail clients do;
                    // a dot beyond the BMP (🄀) is a surrogate pair, bracketed whole.
                    var width = LinkSeparators.WidthAt(clean, i);
                    builder.Append('[').Append(clean.AsSpan(i, width)).Append(']');
                    i += width - 1;
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }
}
