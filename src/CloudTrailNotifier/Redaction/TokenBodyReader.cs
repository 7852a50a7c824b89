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
    /// The body from <paramref name="start"/> as read (<paramref name="read"/>: the text itself, or
    /// <paramref name="buffer"/> when a format character or an escape had to be read through; at most the buffer's length):
    /// where it ends in the text. A full stop or a dash that ends it (a sentence's, a word's) is not part of it.
    /// <paramref name="cut"/>: the body goes on past what was read.
    /// </summary>
    public static int Read(string text, int start, TokenBody body, Span<char> buffer, out ReadOnlySpan<char> read, out bool cut)
    {
        // Most bodies hold only their own characters: read as the text, without a copy.
        var limit = Math.Min(text.Length, start + buffer.Length);
        var p = start;
        while (p < limit && IsBodyChar(text[p], body))
        {
            p++;
        }

        if (p == limit || Step(text, p, body, out _) == 0)
        {
            cut = p == limit && p < text.Length && Step(text, p, body, out _) > 0;
            var end = Trimmed(text, start, p, body);
            read = text.AsSpan(start, end - start);
            return end;
        }

        text.AsSpan(start, p - start).CopyTo(buffer);
        return ReadThrough(text, start, p, body, buffer, out read, out cut);
    }

    /// <summary><see cref="Read"/> from <paramref name="p"/> on, where a format character or an escape is.</summary>
    private static int ReadThrough(string text, int start, int p, TokenBody body, Span<char> buffer, out ReadOnlySpan<char> read, out bool cut)
    {
        var length = p - start;
        var kept = length; // the body characters up to the last that is no full stop or dash, and where it ends (format characters after it are not the token's)
        var keptEnd = Trimmed(text, start, p, body);
        kept -= p - keptEnd;
        while (p < text.Length && length < buffer.Length && Step(text, p, body, out var c) is > 0 and var step)
        {
            p += step;
            if (c != '\0')
            {
                buffer[length++] = c;
                if (!(body is TokenBody.DottedParts or TokenBody.UrlSafe && c is '.' or '-'))
                {
                    kept = length;
                    keptEnd = p;
                }
            }
        }

        cut = length == buffer.Length && p < text.Length && Step(text, p, body, out _) > 0;
        read = buffer[..kept];
        return keptEnd;
    }

    /// <summary>The end of a plain body from <paramref name="start"/> to <paramref name="end"/> without a trailing full stop or dash.</summary>
    private static int Trimmed(string text, int start, int end, TokenBody body)
    {
        while (body is TokenBody.DottedParts or TokenBody.UrlSafe && end > start && text[end - 1] is '.' or '-')
        {
            end--;
        }

        return end;
    }

    /// <summary>Where the body that goes on at <paramref name="p"/> ends, however long (a cut token is hidden whole).</summary>
    public static int End(string text, int p, TokenBody body)
    {
        var end = p;
        while (p < text.Length && Step(text, p, body, out var c) is > 0 and var step)
        {
            p += step;
            end = c is '\0' or '.' or '-' ? end : p; // as Read does: a trailing full stop or dash stays outside
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

        if (c is '\\' or '%' && TextKeys.EscapeLength(text, p, out var escaped) is > 0 and var escape)
        {
            if (IsBodyChar(escaped, body) || IsFormat(escaped))
            {
                c = IsFormat(escaped) ? '\0' : escaped;
                return escape;
            }

            // \uDB40\uDC20: a format character beyond the first plane, escaped as its two halves.
            if (char.IsHighSurrogate(escaped) && p + escape < text.Length && TextKeys.EscapeLength(text, p + escape, out var low) is > 0 and var second
                && char.IsLowSurrogate(low) && CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(escaped, low)) == UnicodeCategory.Format)
            {
                c = '\0';
                return escape + second;
            }
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
    };}
