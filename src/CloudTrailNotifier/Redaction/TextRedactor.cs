using System.Buffers;
using System.Text;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Redacts secrets in free text by shape: PEM private keys, STS session tokens, and values written after a
/// secret key name (<c>password=...</c>, <c>"secretAccessKey": "..."</c>, <c>\"token\":\"...\"</c> inside a
/// JSON string). Serves strings inside events and the raw copy of an event that could not be parsed. Pure.
/// </summary>
internal static class TextRedactor
{
    private const int MinTokenTail = 16;

    /// <summary>The shortest secret fragment: folding only drops characters, so a shorter word holds none.</summary>
    private static readonly int MinFragmentChars = RedactionRules.SecretFragments.Min(fragment => fragment.Length);

    /// <summary>Text that holds none of these cannot match any rule, so most strings are passed by one search.</summary>
    private static readonly SearchValues<string> Triggers = SearchValues.Create(
        ["pass", "secret", "token", "credential", "private", "material", "auth", "challenge", "cookie", RedactionRules.PemBegin,
         .. RedactionRules.SessionTokenPrefixes],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the text holds anything a rule could match (a cheap first look).</summary>
    public static bool MayContainSecret(ReadOnlySpan<char> text) => text.IndexOfAny(Triggers) >= 0;

    /// <summary>Where the first trigger word starts in the text; -1 when there is none.</summary>
    public static int IndexOfTrigger(ReadOnlySpan<char> text) => text.IndexOfAny(Triggers);

    private static readonly SearchValues<char> TokenStarts =
        SearchValues.Create(string.Concat(RedactionRules.SessionTokenPrefixes.Select(prefix => prefix[0])));

    /// <summary>Every rule needs one of these: the <c>:</c> or <c>=</c> after a secret key, a PEM header, a session token's start.</summary>
    private static readonly SearchValues<char> KeyValueMarks = SearchValues.Create(":=");

    private static readonly SearchValues<string> TokenPrefixes =
        SearchValues.Create(RedactionRules.SessionTokenPrefixes, StringComparison.Ordinal);

    public static string Redact(string text, RedactionMarkers markers)
    {
        return MayContainSecret(text) && MayMatch(text) ? RedactEveryPosition(text, markers) : text;
    }

    /// <summary>
    /// The second cheap look of <see cref="Redact"/>, for text that holds a trigger word: false when no rule can match,
    /// since each needs a <c>:</c> or <c>=</c> after a secret key, a PEM header or a session token's start.
    /// </summary>
    public static bool MayMatch(ReadOnlySpan<char> text) =>
        text.IndexOfAny(KeyValueMarks) >= 0 || text.Contains(RedactionRules.PemBegin, StringComparison.Ordinal)
        || text.IndexOfAny(TokenPrefixes) >= 0;

    /// <summary>The rules tried at every position (what <see cref="Redact"/> does once its first looks found a rule could match).</summary>
    internal static string RedactEveryPosition(string text, RedactionMarkers markers)
    {
        StringBuilder? output = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (Match(text, i, out var start, out var end, out var next))
            {
                output ??= new StringBuilder(text.Length);
                output.Append(text, copied, start - copied).Append(markers.Redacted(end - start));
                copied = end;
            }

            i = next;
        }

        return output is null ? text : output.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Whether a secret starts at or right after <paramref name="i"/>: its span, and where to look on.</summary>
    private static bool Match(string text, int i, out int start, out int end, out int next)
    {
        start = end = 0;
        next = i + 1;
        var c = text[i];
        if (c == '-' && MatchPem(text, i, out end))
        {
            start = i;
            next = end;
            return true;
        }

        if (i > 0 && IsWordChar(text[i - 1]))
        {
            return false;
        }

        if (TokenStarts.Contains(c) && MatchSessionToken(text, i, out end))
        {
            start = i;
            next = end;
            return true;
        }

        if (!char.IsAsciiLetter(c) && c != '_')
        {
            return false;
        }

        var keyEnd = i;
        while (keyEnd < text.Length && (IsWordChar(text[keyEnd]) || text[keyEnd] is '-' or '.'))
        {
            keyEnd++;
        }

        next = keyEnd;
        // The value after the key is looked for first (most words have none); a key shorter than the shortest secret
        // fragment cannot be secret; only a secret key matters, so the identifier check for other keys is skipped.
        if (keyEnd - i < MinFragmentChars || !MatchValue(text, keyEnd, out start, out end)
            || RedactionRules.Classify(text.AsSpan(i, keyEnd - i), insideSecret: false) != KeyVerdict.Secret)
        {
            return false;
        }

        next = end;
        return true;
    }

    private static bool MatchPem(string text, int i, out int end)
    {
        end = 0;
        if (!text.AsSpan(i).StartsWith(RedactionRules.PemBegin, StringComparison.Ordinal))
        {
            return false;
        }

        var headerEnd = text.IndexOf("-----", i + RedactionRules.PemBegin.Length, StringComparison.Ordinal);
        if (headerEnd < 0 || !text.AsSpan(i, headerEnd - i).Contains(RedactionRules.PemPrivateKey, StringComparison.Ordinal))
        {
            return false;
        }

        var footer = text.IndexOf("-----END", headerEnd + 5, StringComparison.Ordinal);
        var footerEnd = footer < 0 ? -1 : text.IndexOf("-----", footer + 8, StringComparison.Ordinal);
        end = footerEnd < 0 ? text.Length : footerEnd + 5;
        return true;
    }

    private static bool MatchSessionToken(string text, int i, out int end)
    {
        end = i;
        foreach (var prefix in RedactionRules.SessionTokenPrefixes)
        {
            if (text.AsSpan(i).StartsWith(prefix, StringComparison.Ordinal))
            {
                end = i + prefix.Length;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '+' or '/' or '='))
                {
                    end++;
                }

                return end - i - prefix.Length >= MinTokenTail;
            }
        }

        return false;
    }

    /// <summary>After a secret key: its closing quote (escaped or not), <c>:</c> or <c>=</c>, then the value.</summary>
    private static bool MatchValue(string text, int keyEnd, out int start, out int end)
    {
        start = end = 0;
        var p = keyEnd;
        while (p < text.Length && text[p] == '\\')
        {
            p++;
        }

        var quoted = p < text.Length && text[p] is '"' or '\'';
        if (quoted)
        {
            p++;
        }

        p = SkipSpaces(text, p);
        if (p >= text.Length || text[p] is not (':' or '='))
        {
            return false;
        }

        // "key": value and key: value, but not the colons inside an ARN (arn:aws:secretsmanager:...).
        var colon = text[p] == ':';
        p++;
        if (colon && !quoted && (p >= text.Length || text[p] is not (' ' or '\t')))
        {
            return false;
        }

        p = SkipSpaces(text, p);
        var backslashes = 0;
        while (p + backslashes < text.Length && text[p + backslashes] == '\\')
        {
            backslashes++;
        }

        if (p + backslashes < text.Length && text[p + backslashes] is '"' or '\'')
        {
            start = p + backslashes + 1;
            end = ClosingQuote(text, start, text[p + backslashes], backslashes);
        }
        else if (p < text.Length && text[p] is '{' or '[')
        {
            start = p;
            end = ClosingBracket(text, p);
        }
        else
        {
            start = p;
            end = p;
            while (end < text.Length && !IsValueEnd(text, end))
            {
                end++;
            }
        }

        var value = text.AsSpan(start, end - start);
        return !value.IsEmpty && !RedactionRules.IsBooleanLike(value) && !value.Equals("null", StringComparison.Ordinal)
            && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    /// <summary>
    /// The quote that closes a string opened after <paramref name="escapes"/> backslashes: at nesting level L
    /// (escapes = 2^L - 1) the closing quote follows b backslashes with b mod 2^(L+1) = 2^L - 1.
    /// </summary>
    private static int ClosingQuote(string text, int start, char quote, int escapes)
    {
        var level = 0;
        while ((1 << level) - 1 < escapes && level < 8)
        {
            level++;
        }

        var period = 1 << (level + 1);
        var wanted = (1 << level) - 1;
        for (var i = start; i < text.Length; i++)
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

    private static int ClosingBracket(string text, int open)
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

    private static int SkipSpaces(string text, int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t')
        {
            p++;
        }

        return p;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Where an unquoted value ends; in JSON text, <c>\u002B</c> is part of it but <c>\"</c> and <c>\n</c> end it.</summary>
    private static bool IsValueEnd(string text, int i) => text[i] switch
    {
        ' ' or '\t' or '\r' or '\n' or ',' or ';' or '&' or '}' or ']' or ')' or '"' or '\'' or '<' => true,
        '\\' => i + 1 >= text.Length || text[i + 1] is '"' or '\'' or '\\' or 'n' or 'r' or 't',
        _ => false,
    };
}
