using System.Globalization;
using System.Text;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Writes untrusted text so it stays on its line and shows what it is: line breaks, control characters,
/// bidirectional overrides, zero-width and other invisible format characters become visible escapes
/// (<c>\n</c>, <c>\u202E</c>), and unpaired surrogates become U+FFFD. Nothing an event carries can start a
/// new line, hide text or reorder what a reader sees.
/// </summary>
internal static class SafeText
{
    /// <summary>Appends at most <paramref name="maxChars"/> characters of <paramref name="value"/>, escaped.</summary>
    /// <returns>How many characters of the value were left out.</returns>
    public static int Append(StringBuilder builder, ReadOnlySpan<char> value, int maxChars)
    {
        var take = value.Length <= maxChars ? value.Length : maxChars;
        if (take < value.Length && take > 0 && char.IsHighSurrogate(value[take - 1]))
        {
            take--; // never split a surrogate pair
        }

        var runStart = 0;
        for (var i = 0; i < take; i++)
        {
            var c = value[i];
            if (c >= ' ' && c < 0x7F)
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < take && char.IsLowSurrogate(value[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, value[i + 1]));
                if (category != UnicodeCategory.Format)
                {
                    i++;
                    continue;
                }

                builder.Append(value[runStart..i]);
                AppendCodePointEscape(builder, char.ConvertToUtf32(c, value[i + 1]));
                i++;
                runStart = i + 1;
                continue;
            }

            if (!IsUnsafe(c))
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
    public static string Clean(string? value, int maxChars)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= maxChars && !NeedsEscaping(value))
        {
            return value;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxChars) + 8);
        if (Append(builder, value, maxChars) > 0)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>True when any character would be escaped.</summary>
    public static bool NeedsEscaping(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c < 0x7F)
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, value[i + 1])) == UnicodeCategory.Format)
                {
                    return true;
                }

                i++;
                continue;
            }

            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters that break, hide or reorder text (checked for one UTF-16 unit).</summary>
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

        if (char.IsSurrogate(c))
        {
            return true; // reached only for unpaired halves
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control => true,
            UnicodeCategory.Format => true,               // bidi controls, zero-width, BOM, soft hyphen
            UnicodeCategory.LineSeparator => true,        // U+2028
            UnicodeCategory.ParagraphSeparator => true,   // U+2029
            _ => false,
        };
    }

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
