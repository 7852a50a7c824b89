using System.Globalization;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Reads a token's body (<see cref="TextTokens"/>) as a reader sees it: through invisible format characters (U+200B,
/// U+00AD, U+2060, U+FEFF, any of category Cf), which clients draw as nothing and a copy drops, and through escapes that
/// spell one of its characters (<c>\u0064</c>, <c>%64</c>), which whoever reads the text decodes. Neither can split a
/// token so that its halves are shown. Pure.
/// </summary>
internal static class TokenBodyReader
{
    /// <summary>
    /// The body from <paramref name="start"/>, decoded into <paramref name="decoded"/> (as far as it holds, its
    /// <paramref name="length"/> characters; format characters left out): where it ends in the text. A full stop or a dash
    /// that ends it (a sentence's, a word's) is not part of it. <paramref name="cut"/>: the body goes on past what the buffer holds.
    /// </summary>
    public static int Read(string text, int start, TokenBody body, Span<char> decoded, out int length, out bool cut)
    {
        length = 0;
        var end = start; // after the last body character read (format characters after it are not the token's)
        var p = start;
        while (p < text.Length && length < decoded.Length && Step(text, p, body, out var c) is > 0 and var step)
        {
            p += step;
            if (c != '\0')
            {
                decoded[length++] = c;
                end = p;
            }
        }

        cut = length == decoded.Length && p < text.Length && Step(text, p, body, out _) > 0;
        if (body is TokenBody.DottedParts or TokenBody.UrlSafe && length > 0 && decoded[length - 1] is '.' or '-')
        {
            // Trimmed as read: the text is read again up to the body characters that are kept.
            while (length > 0 && decoded[length - 1] is '.' or '-')
            {
                length--;
            }

            end = EndOf(text, start, body, length);
        }

        return end;
    }

    /// <summary>Where the body that goes on at <paramref name="p"/> ends, however long (a cut token is hidden whole).</summary>
    public static int End(string text, int p, TokenBody body)
    {
        var from = p;
        var end = p;
        while (p < text.Length && Step(text, p, body, out var c) is > 0 and var step)
        {
            p += step;
            end = c == '\0' ? end : p;
        }

        // As Read does: a trailing full stop or dash stays outside.
        while (body is TokenBody.DottedParts or TokenBody.UrlSafe && end > from && text[end - 1] is '.' or '-')
        {
            end--;
        }

        return end;
    }

    /// <summary>Where the first <paramref name="count"/> body characters from <paramref name="start"/> end.</summary>
    private static int EndOf(string text, int start, TokenBody body, int count)
    {
        var p = start;
        var end = start;
        while (count > 0 && Step(text, p, body, out var c) is > 0 and var step)
        {
            p += step;
            if (c != '\0')
            {
                end = p;
                count--;
            }
        }

        return end;
    }

    /// <summary>
    /// How many characters at <paramref name="p"/> make one body character <paramref name="c"/> (a plain one, or an escape
    /// of one), or one invisible format character (<paramref name="c"/> is then <c>'\0'</c>); 0 when the body ends there.
    /// </summary>
    private static int Step(string text, int p, TokenBody body, out char c)
    {
        c = text[p];
        if (IsBodyChar(c, body))
        {
            return 1;
        }

        var format = FormatLength(text, p);
        if (format > 0)
        {
            c = '\0';
            return format;
        }

        if (c is '\\' or '%' && TextKeys.EscapeLength(text, p, out var escaped) is > 0 and var escape
            && (IsBodyChar(escaped, body) || IsFormat(escaped)))
        {
            c = IsFormat(escaped) ? '\0' : escaped;
            return escape;
        }

        c = '\0';
        return 0;
    }

    /// <summary>The length of a format character (category Cf) at <paramref name="p"/>: 1, 2 for a surrogate pair (tags), or 0.</summary>
    public static int FormatLength(string text, int p)
    {
        var c = text[p];
        if (c < 0xAD)
        {
            return 0;
        }

        if (char.IsHighSurrogate(c))
        {
            return p + 1 < text.Length && char.IsLowSurrogate(text[p + 1])
                && CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[p + 1])) == UnicodeCategory.Format ? 2 : 0;
        }

        return IsFormat(c) ? 1 : 0;
    }

    private static bool IsFormat(char c) => c >= 0xAD && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool IsBodyChar(char c, TokenBody body) => char.IsAsciiLetterOrDigit(c) || body switch
    {
        TokenBody.Word => c == '_',
        TokenBody.UrlSafe => c is '_' or '-',
        TokenBody.DottedParts => c is '_' or '-' or '.',
        _ => false,
    };
}
