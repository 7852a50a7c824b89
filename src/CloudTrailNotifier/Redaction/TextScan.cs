using System.Buffers;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Where things start and end in free text that may be JSON, or JSON inside a JSON string (escaped once or more):
/// whitespace, quotes, brackets, the end of a bare value and of an HTTP header value. Pure.
/// </summary>
internal static class TextScan
{
    /// <summary>
    /// The first position at or after <paramref name="p"/> that is not whitespace: spaces, tabs, line ends, and the
    /// escaped <c>\n</c>, <c>\r</c>, <c>\t</c> of JSON text (after any number of backslashes).
    /// </summary>
    public static int SkipSpaces(string text, int p)
    {
        while (p < text.Length)
        {
            if (text[p] is ' ' or '\t' or '\r' or '\n')
            {
                p++;
            }
            else if (EscapedLineEndOrTab(text, p) is > 0 and var length)
            {
                p += length;
            }
            else
            {
                break;
            }
        }

        return p;
    }

    /// <summary>Whether whitespace (plain or escaped) starts at <paramref name="p"/>.</summary>
    public static bool IsSpace(string text, int p) => p < text.Length && SkipSpaces(text, p) > p;

    /// <summary>
    /// Whether the letter at <paramref name="p"/> is the letter of a JSON escape (<c>\n</c>, <c>\r</c>, <c>\t</c>,
    /// <c>\b</c>, <c>\f</c>): in JSON text it is a line end or a tab, not a part of the word after it.
    /// </summary>
    public static bool IsEscapeLetter(string text, int p) =>
        p > 0 && text[p - 1] == '\\' && text[p] is 'n' or 'r' or 't' or 'b' or 'f';

    /// <summary>The first position at or after <paramref name="p"/> that is not a backslash.</summary>
    public static int BackslashRunEnd(string text, int p)
    {
        while (p < text.Length && text[p] == '\\')
        {
            p++;
        }

        return p;
    }

    /// <summary>Past the backslashes and the one quote at <paramref name="p"/>, if there are such.</summary>
    public static int SkipClosingQuote(string text, int p)
    {
        var q = p;
        while (q < text.Length && text[q] == '\\')
        {
            q++;
        }

        return q < text.Length && text[q] is '"' or '\'' ? q + 1 : p;
    }

    /// <summary>The length of an escaped <c>\n</c>, <c>\r</c> or <c>\t</c> at <paramref name="p"/>; 0 if none.</summary>
    private static int EscapedLineEndOrTab(string text, int p)
    {
        var q = p;
        while (q < text.Length && text[q] == '\\')
        {
            q++;
        }

        return q > p && q < text.Length && text[q] is 'n' or 'r' or 't' ? q + 1 - p : 0;
    }

    /// <summary>The characters <see cref="IsValueEnd"/> may be true at (at a backslash, only for some that follow).</summary>
    private static readonly SearchValues<char> ValueEndCandidates = SearchValues.Create(" \t\r\n,;&}])\"'<\\");

    /// <summary>
    /// The first position at or after <paramref name="from"/> where <see cref="IsValueEnd"/> is true, or the text's length:
    /// the loop over <see cref="IsValueEnd"/> with one search per candidate (it is false at every other character).
    /// </summary>
    public static int ValueEnd(string text, int from)
    {
        var end = from;
        while (end < text.Length)
        {
            var at = text.AsSpan(end).IndexOfAny(ValueEndCandidates);
            if (at < 0)
            {
                return text.Length;
            }

            end += at;
            if (IsValueEnd(text, end))
            {
                return end;
            }

            end++;
        }

        return end;
    }

    /// <summary>Where an unquoted value ends; in JSON text, <c>\u002B</c> is part of it but <c>\"</c> and <c>\n</c> end it.</summary>
    public static bool IsValueEnd(string text, int i) => text[i] switch
    {
        ' ' or '\t' or '\r' or '\n' or ',' or ';' or '&' or '}' or ']' or ')' or '"' or '\'' or '<' => true,
        '\\' => i + 1 >= text.Length || text[i + 1] is '"' or '\'' or '\\' or 'n' or 'r' or 't',
        _ => false,
    };

    /// <summary>
    /// Where a bare value after <c>=</c> in a connection string ends, when it has spaces in it (ADO.NET
    /// <c>Password=two words;</c>): at the <c>;</c> on the same line, if the pair follows a <c>;</c> or another
    /// <c>key=</c> pair follows it. Otherwise, and in prose, where the word ended (<paramref name="valueEnd"/>).
    /// </summary>
    public static int ConnectionStringValueEnd(string text, int keyStart, int valueStart, int valueEnd)
    {
        var before = valueStart - 1;
        while (before > keyStart && text[before] is ' ' or '\t')
        {
            before--;
        }

        if (valueEnd >= text.Length || text[valueEnd] is not (' ' or '\t') || text[before] != '=')
        {
            return valueEnd;
        }

        var limit = Math.Min(text.Length, valueEnd + RedactionRules.MaxKeyChars);
        var semicolon = valueEnd;
        while (semicolon < limit && text[semicolon] != ';')
        {
            if (text[semicolon] is '=' or ':' or '\r' or '\n' or '"' or '\'' or '\\' or '&' or '<' or ',')
            {
                return valueEnd;
            }

            semicolon++;
        }

        if (semicolon >= limit || !(PrecededBySemicolon(text, keyStart) || StartsPair(text, semicolon + 1)))
        {
            return valueEnd;
        }

        while (text[semicolon - 1] is ' ' or '\t')
        {
            semicolon--;
        }

        return semicolon;
    }

    private static bool PrecededBySemicolon(string text, int p)
    {
        p--;
        while (p >= 0 && text[p] is ' ' or '\t')
        {
            p--;
        }

        return p >= 0 && text[p] == ';';
    }

    /// <summary>Whether a <c>key=</c> pair (words and spaces, then <c>=</c>) starts at <paramref name="p"/>.</summary>
    private static bool StartsPair(string text, int p)
    {
        var q = p;
        while (q < text.Length && q < p + RedactionRules.MaxKeyChars && (char.IsAsciiLetterOrDigit(text[q]) || text[q] is ' ' or '_'))
        {
            q++;
        }

        return q < text.Length && q > p && text[q] == '=';
    }

    /// <summary>
    /// Where an HTTP header value that starts at <paramref name="start"/> ends: at the end of the line (plain or
    /// escaped) or at the quote that closes the text around it. The quoted strings of auth parameters
    /// (<c>Digest username="bob", response="..."</c>) are part of it.
    /// </summary>
    public static int HeaderValueEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                return i;
            }

            if (c is not ('\\' or '"' or '\''))
            {
                i++;
                continue;
            }

            var backslashes = 0;
            while (i + backslashes < text.Length && text[i + backslashes] == '\\')
            {
                backslashes++;
            }

            var after = i + backslashes;
            if (after >= text.Length)
            {
                return i;
            }

            if (backslashes > 0 && text[after] is 'n' or 'r')
            {
                return i;
            }

            if (text[after] is not ('"' or '\''))
            {
                i = after + 1;
                continue;
            }

            if (i == start || text[i - 1] != '=')
            {
                return i;
            }

            // An auth parameter's quoted string: its close is the same quote after as many backslashes.
            var close = ClosingQuote(text, after + 1, text[after], backslashes);
            i = close >= text.Length ? text.Length : close + backslashes + 1;
        }

        return text.Length;
    }

    /// <summary>
    /// The quote that closes a string opened after <paramref name="escapes"/> backslashes: at nesting level L
    /// (escapes = 2^L - 1) the closing quote follows b backslashes with b mod 2^(L+1) = 2^L - 1. The text's length
    /// when there is none within <paramref name="limit"/> characters.
    /// </summary>
    public static int ClosingQuote(string text, int start, char quote, int escapes, int limit = int.MaxValue)
    {
        var level = 0;
        while ((1 << level) - 1 < escapes && level < 8)
        {
            level++;
        }

        var period = 1 << (level + 1);
        var wanted = (1 << level) - 1;
        var stop = (int)Math.Min(text.Length, (long)start + limit);
        for (var i = start; i < stop; i++)
        {
            if (text[i] != quote)
            {
                continue;
            }

            var b = 0;
            while (i - b - 1 >= start && text[i - b - 1] == '\\')
            {
                b++;
            }

            if (b % period == wanted)
            {
                return i - wanted;
            }
        }

        return text.Length;
    }

    public static int ClosingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] is '{' or '[')
            {
                depth++;
            }
            else if (text[i] is '}' or ']' && --depth == 0)
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
