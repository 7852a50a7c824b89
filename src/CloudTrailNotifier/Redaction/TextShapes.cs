namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Secrets the text rules know by their shape, whatever key (if any) is written before them: PEM private keys, STS
/// session tokens, JSON Web Tokens, a bearer token, and the password in a URL's user information
/// (<c>postgresql://app:PASSWORD@db:5432</c>). Each match gives the span to hide. Pure.
/// </summary>
internal static class TextShapes
{
    private const int MinTokenTail = 16;

    /// <summary>The shortest header and payload of a JSON Web Token taken for one.</summary>
    private const int MinJwtPartChars = 8;

    /// <summary>How far after its colon a URL password's <c>@</c> is looked for (so text full of <c>://</c> is read once).</summary>
    private const int MaxUserInfoChars = 512;

    /// <summary>How a JSON Web Token begins: <c>{"</c> in base64url.</summary>
    public const string JwtStart = "eyJ";

    public const string Bearer = "Bearer";

    public const string SchemeSeparator = "://";

    /// <summary>A PEM block with a private key at <paramref name="i"/>: the whole block (to the text's end if cut).</summary>
    public static bool MatchPem(string text, int i, out int end)
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

    public static bool MatchSessionToken(string text, int i, out int end)
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

    /// <summary>A JSON Web Token at <paramref name="i"/> (<c>eyJ...</c>, a dot, the payload, and its signature if any).</summary>
    public static bool MatchJwt(string text, int i, out int end)
    {
        end = i;
        if (!text.AsSpan(i).StartsWith(JwtStart, StringComparison.Ordinal))
        {
            return false;
        }

        var header = Base64UrlEnd(text, i);
        if (header - i < MinJwtPartChars || header >= text.Length || text[header] != '.')
        {
            return false;
        }

        var payload = Base64UrlEnd(text, header + 1);
        if (payload - header - 1 < MinJwtPartChars)
        {
            return false;
        }

        end = payload < text.Length && text[payload] == '.' ? Base64UrlEnd(text, payload + 1) : payload;
        return true;
    }

    /// <summary>
    /// The token after the word Bearer at <paramref name="i"/> (no key before it): token68 characters, however short
    /// (<c>Bearer abcd</c>), unless they are a word of prose (<c>Bearer token</c>, <c>Bearer is</c>) or there are none
    /// (<c>"tokenType": "Bearer"</c>). The word itself is kept, and so is a full stop that ends the token.
    /// </summary>
    public static bool MatchBearer(string text, int i, out int start, out int end)
    {
        start = end = i;
        if (!text.AsSpan(i).StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var p = i + Bearer.Length;
        if (p >= text.Length || text[p] is not (' ' or '\t'))
        {
            return false;
        }

        while (p < text.Length && text[p] is ' ' or '\t')
        {
            p++;
        }

        var e = p;
        while (e < text.Length && (char.IsAsciiLetterOrDigit(text[e]) || text[e] is '-' or '.' or '_' or '~' or '+' or '/' or '='))
        {
            e++;
        }

        while (e > p && text[e - 1] == '.')
        {
            e--;
        }

        if (e == p || IsProseAfterBearer(text.AsSpan(p, e - p)))
        {
            return false;
        }

        start = p;
        end = e;
        return true;
    }

    /// <summary>Words that follow Bearer in prose (<c>a Bearer token is required</c>), never a token.</summary>
    private static readonly string[] ProseAfterBearer =
    [
        "token", "tokens", "auth", "authentication", "authorization", "scheme", "header", "realm", "error", "type",
        "format", "value", "credential", "credentials", "is", "was", "and", "or", "the", "a", "an", "not", "in", "of",
        "for", "to", "with", "required", "missing", "invalid", "expired",
    ];

    private static bool IsProseAfterBearer(ReadOnlySpan<char> word)
    {
        foreach (var prose in ProseAfterBearer)
        {
            if (word.Equals(prose, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// At the <c>://</c> of a URL: the password in <c>user:password@host</c> (any scheme: postgresql, mysql, mongodb+srv,
    /// redis, amqp, ftp, jdbc:sqlserver, https). A port (<c>host:5432/db</c>) is not a password.
    /// </summary>
    public static bool MatchUrlPassword(string text, int i, out int start, out int end)
    {
        start = end = 0;
        if (!text.AsSpan(i).StartsWith(SchemeSeparator, StringComparison.Ordinal))
        {
            return false;
        }

        var colon = i + SchemeSeparator.Length;
        while (colon < text.Length && colon < i + SchemeSeparator.Length + MaxUserInfoChars && text[colon] != ':')
        {
            if (IsUrlEnd(text[colon]) || text[colon] is '/' or '?' or '#' or '@')
            {
                return false;
            }

            colon++;
        }

        if (colon >= text.Length || text[colon] != ':')
        {
            return false;
        }

        var firstAt = -1;
        var lastAt = -1;
        var limit = Math.Min(text.Length, colon + 1 + MaxUserInfoChars);
        for (var p = colon + 1; p < limit && !IsUrlEnd(text[p]); p++)
        {
            if (text[p] == '@')
            {
                lastAt = p;
                firstAt = firstAt < 0 ? p : firstAt;
            }
            else if (text[p] is '/' or '?' or '#' && firstAt >= 0)
            {
                break; // past the host
            }
        }

        if (lastAt <= colon + 1 || IsPortThenPath(text, colon + 1, lastAt))
        {
            return false;
        }

        start = colon + 1;
        end = lastAt;
        return true;
    }

    private static bool IsUrlEnd(char c) => c is ' ' or '\t' or '\r' or '\n' or '"' or '\'' or '\\' or '<' or '>' or '`';

    /// <summary>Whether the text after the colon is a port and a path (<c>8080/a@b</c>), not a password.</summary>
    private static bool IsPortThenPath(string text, int start, int at)
    {
        var p = start;
        while (p < at && char.IsAsciiDigit(text[p]))
        {
            p++;
        }

        return p > start && p < at && text[p] is '/' or '?' or '#';
    }

    private static int Base64UrlEnd(string text, int p)
    {
        while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '-' or '_'))
        {
            p++;
        }

        return p;
    }
}
