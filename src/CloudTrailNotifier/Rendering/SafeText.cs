using System.Globalization;
using System.Text;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Writes untrusted text so it stays on its line and shows what it is: line breaks, control characters,
/// bidirectional overrides, zero-width and other invisible format characters become visible escapes
/// (<c>\n</c>, <c>\u202E</c>), unpaired surrogates become U+FFFD, runs of three or more spaces show
/// one middle dot per space, and wide Unicode spaces (or any run of them) are escaped too, as are unassigned code points
/// and noncharacters (<c>\u2065</c>, <c>\uFFFF</c>, <c>\U000E0080</c>). Nothing an event carries can start a new line, hide text, reorder what a
/// reader sees or pass itself off as a layout column.
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// Appends at most <paramref name="maxChars"/> characters of <paramref name="value"/>, escaped. Runs of
    /// spaces are marked unless <paramref name="markSpaceRuns"/> is false (subjects collapse them, attributes
    /// and error lines keep them).
    /// </summary>
    /// <returns>How many characters of the value were left out.</returns>
    public static int Append(StringBuilder builder, ReadOnlySpan<char> value, int maxChars, bool markSpaceRuns = true)
    {
        var take = TextCut.Before(value, Math.Min(value.Length, maxChars));

        var runStart = 0;
        var marks = 0; // combining marks on the current base character
        for (var i = 0; i < take; i++)
        {
            var c = value[i];
            if (c >= ' ' && c < 0x7F)
            {
                // Printable ASCII stays as it is: skip to the next character that is not, or to a run of spaces
                // (most values have no space at all: one search tells).
                marks = 0;
                var rest = value[i..take];
                var next = rest.IndexOfAnyExceptInRange('!', '~');
                if (next >= 0 && rest[next] == ' ')
                {
                    var plain = rest.IndexOfAnyExceptInRange(' ', '~');
                    var spaces = markSpaceRuns ? (plain < 0 ? rest : rest[..plain])[next..].IndexOf(ThreeSpaces) : -1;
                    next = spaces >= 0 ? next + spaces : plain;
                }

                if (next != 0)
                {
                    i += (next > 0 ? next : rest.Length) - 1;
                    continue;
                }

                // A run of spaces would line text up in columns that only a monospaced font keeps, and could
                // pass an event's text off as a layout column: it is shown, one dot per space.
                var run = SpaceRun(rest);
                builder.Append(value[runStart..i]).Append(SpaceMark, run);
                i += run - 1;
                runStart = i + 1;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < take && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if (!IsUnsafe(codePoint))
                {
                    i++;
                    marks = 0;
                    continue;
                }

                builder.Append(value[runStart..i]);
                AppendCodePointEscape(builder, codePoint);
                i++;
                runStart = i + 1;
                continue;
            }

            var unsafeChar = IsUnsafe(c) || (markSpaceRuns && IsShownSpace(value, i));
            if (!unsafeChar && IsCombining(c))
            {
                // A few marks make real text (Vietnamese, Devanagari); stacks of them smear over other lines.
                unsafeChar = ++marks > MaxCombiningMarks;
            }
            else if (!unsafeChar)
            {
                marks = 0;
            }

            if (!unsafeChar)
            {
                continue;
            }

            builder.Append(value[runStart..i]);
            AppendEscape(builder, c);
            runStart = i + 1;
        }

        builder.Append(value[runStart..take]);
        return value.Length - take;
    }

    /// <summary>The escaped value as a string, cut to <paramref name="maxChars"/> with an ellipsis.</summary>
    public static string Clean(string? value, int maxChars, bool markSpaceRuns = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= maxChars)
        {
            // Most values are printable ASCII without a space: one search tells. From the first space on, the rest
            // must be printable ASCII with no run of spaces to mark.
            var text = value.AsSpan();
            var odd = text.IndexOfAnyExceptInRange('!', '~');
            if (odd < 0)
            {
                return value;
            }

            var rest = text[odd..];
            if (rest[0] == ' ' && !rest.ContainsAnyExceptInRange(' ', '~') && !(markSpaceRuns && rest.Contains(ThreeSpaces, StringComparison.Ordinal)))
            {
                return value;
            }
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxChars) + 8);
        if (Append(builder, value, maxChars, markSpaceRuns) > 0)
        {
            builder.Append('…');
        }

        return builder.Equals(value.AsSpan()) ? value : builder.ToString();
    }

    /// <summary>Characters that break, hide or reorder text (one UTF-16 unit; unpaired surrogates included).</summary>
    public static bool IsUnsafe(char c)
    {
        if (c < ' ' || c == 0x7F)
        {
            return true;
        }

        if (c < 0x80)
        {
            return false;
        }

        return char.IsSurrogate(c) || IsUnsafe((int)c);
    }

    /// <summary>Characters that break, hide or reorder text, by code point, and those Unicode has not assigned.</summary>
    public static bool IsUnsafe(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return codePoint < ' ' || codePoint == 0x7F;
        }

        // Invisible characters Unicode does not class as format characters: the grapheme joiner, Hangul and
        // other fillers, Mongolian and variation selectors, the Braille blank.
        if (codePoint is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or 0x2800
            or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xE0100 and <= 0xE01EF))
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.Control => true,
            UnicodeCategory.Format => true,               // bidi controls, zero-width, BOM, soft hyphen, tags
            UnicodeCategory.LineSeparator => true,        // U+2028
            UnicodeCategory.ParagraphSeparator => true,   // U+2029
            // Unassigned code points, among them the default-ignorable ones Unicode keeps for future invisible characters
            // (U+2065, U+FFF0-FFF8, most of U+E0000-E0FFF), which every renderer must show as nothing, and the
            // noncharacters (U+FDD0-FDEF, U+FFFE and U+FFFF of every plane), which XML and SQS refuse.
            UnicodeCategory.OtherNotAssigned => true,
            _ => false,
        };
    }

    private const int MaxCombiningMarks = 3;

    /// <summary>Runs of this many spaces or more are shown as <see cref="SpaceMark"/>s.</summary>
    public const int MinShownSpaceRun = 3;

    /// <summary>How a space of a long run is shown: a middle dot, as editors show visible whitespace.</summary>
    public const char SpaceMark = '\u00B7';

    private const string ThreeSpaces = "   ";

    private static int SpaceRun(ReadOnlySpan<char> rest)
    {
        var run = 0;
        while (run < rest.Length && rest[run] == ' ')
        {
            run++;
        }

        return run;
    }

    /// <summary>
    /// Whether the character at <paramref name="i"/> is a space other than ASCII's that is shown escaped where runs of
    /// spaces are marked: the wide ones (en, em, figure, Ogham and the like), which push text on to a line of its own in a
    /// proportional font as a run of spaces would, always; the three that real text uses alone (no-break, narrow
    /// no-break and ideographic spaces) only next to another space.
    /// </summary>
    public static bool IsShownSpace(ReadOnlySpan<char> value, int i)
    {
        var c = value[i];
        if (c < 0x80 || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.SpaceSeparator)
        {
            return false;
        }

        return c is not ('\u00A0' or '\u202F' or '\u3000')
            || (i > 0 && IsSpace(value[i - 1])) || (i + 1 < value.Length && IsSpace(value[i + 1]));
    }

    private static bool IsSpace(char c) => c == ' ' || (c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);

    private static bool IsCombining(char c) =>
        c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static void AppendEscape(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '\n':
                builder.Append("\\n");
                break;
            case '\r':
                builder.Append("\\r");
                break;
            case '\t':
                builder.Append("\\t");
                break;
            default:
                if (char.IsSurrogate(c))
                {
                    builder.Append('\uFFFD');
                }
                else
                {
                    AppendCodePointEscape(builder, c);
                }

                break;
        }
    }

    private static void AppendCodePointEscape(StringBuilder builder, int codePoint) =>
        builder.Append(codePoint <= 0xFFFF ? "\\u" : "\\U").Append(codePoint.ToString(codePoint <= 0xFFFF ? "X4" : "X8", CultureInfo.InvariantCulture));
}
