using System.Buffers;
using System.Text;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Redacts secrets in free text: by shape (<see cref="TextShapes"/>: PEM private keys, STS session tokens, JSON Web
/// Tokens, bearer tokens, passwords in URLs; <see cref="TextTokens"/>: credentials with an issuer's prefix) and by the key written before a value (<c>password=...</c>,
/// <c>"secretAccessKey": "..."</c>, <c>\"token\":\"...\"</c> inside a JSON string, <c>Pwd=...;</c>, an
/// <c>Authorization</c> header to the end of its line, the <c>value</c> of a SecureString or of a secret's name/value
/// pair), and the shapes where the value comes first or without a sign (<see cref="TextEchoes"/>, <see cref="TextSql"/>,
/// <see cref="TextArguments"/>). Serves strings inside events and the raw copy of an event that could not be parsed. Pure.
/// </summary>
internal static class TextRedactor
{
    /// <summary>Whether the text holds anything a rule could match (a cheap first look).</summary>
    public static bool MayContainSecret(ReadOnlySpan<char> text) => TextTriggers.IndexOf(text) >= 0;

    private static readonly SearchValues<char> TokenStarts =
        SearchValues.Create(string.Concat(RedactionRules.SessionTokenPrefixes.Select(prefix => prefix[0])));

    /// <summary>Every key rule needs one of these: the <c>:</c> or <c>=</c> after a secret key (a URL's <c>://</c> too).</summary>
    private static readonly SearchValues<char> KeyValueMarks = SearchValues.Create(":=>\t%"); // > \t %: TextEncodedKeys

    /// <summary>The starts of the shapes that need no <c>:</c> or <c>=</c>: session tokens, JSON Web Tokens.</summary>
    private static readonly SearchValues<string> TokenPrefixes =
        SearchValues.Create([.. RedactionRules.SessionTokenPrefixes, TextShapes.JwtStart], StringComparison.Ordinal);

    public static string Redact(string text, RedactionMarkers markers)
    {
        var folded = TextEncodedKeys.WidthFolded(text);
        return MayContainSecret(folded) && MayMatch(folded) ? RedactEveryPosition(text, markers) : text;
    }

    /// <summary>
    /// The second cheap look of <see cref="Redact"/>, for text that holds a trigger word: false when no rule can match,
    /// since each needs a <c>:</c> or <c>=</c> after a secret key (or a space, <see cref="TextSpacedValues"/>), a PEM header,
    /// a token's start or the word Bearer.
    /// </summary>
    public static bool MayMatch(ReadOnlySpan<char> text) =>
        text.IndexOfAny(KeyValueMarks) >= 0 || text.Contains(RedactionRules.PemBegin, StringComparison.Ordinal)
        || text.IndexOfAny(TokenPrefixes) >= 0 || text.Contains(TextShapes.Bearer, StringComparison.OrdinalIgnoreCase)
        || TextEchoes.MayMatch(text) || TextSql.MayMatch(text) || TextArguments.MayMatch(text) || TextTokens.MayHold(text)
        || TextSpacedValues.MayMatch(text) || TextEncodedKeys.MayHoldEscapedWideSign(text);

    /// <summary>The rules tried at every position (what <see cref="Redact"/> does once its first looks found a rule could match).</summary>
    internal static string RedactEveryPosition(string shown, RedactionMarkers markers)
    {
        var text = TextEncodedKeys.WidthFolded(shown); // read with fullwidth forms as ASCII; what is kept is shown as it came
        StringBuilder? output = null;
        var copied = 0;
        var i = 0;
        var commandAt = -2; // where a mysql command starts, looked for once when a -p needs it
        var tokens = new TokenSearch();
        while (i < text.Length)
        {
            if (Match(text, i, ref commandAt, ref tokens, out var start, out var end, out var next))
            {
                output ??= new StringBuilder(text.Length);
                output.Append(shown, copied, start - copied).Append(markers.Redacted(end - start));
                copied = end;
            }

            i = next;
        }

        return output is null ? shown : output.Append(shown, copied, text.Length - copied).ToString();
    }

    /// <summary>Whether a secret starts at or right after <paramref name="i"/>: its span, and where to look on.</summary>
    private static bool Match(string text, int i, ref int commandAt, ref TokenSearch tokens, out int start, out int end, out int next)
    {
        start = end = 0;
        next = i + 1;
        var c = text[i];
        if (c == '-' && TextShapes.MatchPem(text, i, out end)
            || c == ':' && TextUrls.Match(text, i, out start, out end))
        {
            start = c == '-' ? i : start;
            next = end;
            return true;
        }

        if (tokens.MatchAt(text, i, out start, out end))
        {
            next = end; // the prefix (ghp_, xoxb-) stays: it names the kind of credential
            return true;
        }

        var tokenAt = tokens.At;
        if (i < tokens.WordEnd)
        {
            // Inside a word the key rules already read whole (v1.0-ghp_x-ghp_...): only the tokens in it are left, and
            // reading it again from each one would take the square of its length.
            next = Math.Min(tokenAt, tokens.WordEnd);
            return false;
        }

        // After the n of an escaped \n a word starts too (line1\npass=...): JSON text reads it as a line end.
        if (i > 0 && IsWordChar(text[i - 1]) && !TextScan.IsEscapeLetter(text, i - 1) && !TextEncodedKeys.FollowsPercentEscape(text, i))
        {
            return false;
        }

        if (TokenStarts.Contains(c) && TextShapes.MatchSessionToken(text, i, out end)
            || c == 'e' && TextShapes.MatchJwt(text, i, out end))
        {
            start = i;
            next = end;
            return true;
        }

        if (c is 'B' or 'b' && TextShapes.MatchBearer(text, i, out start, out end)
            || c == '-' && TextArguments.Match(text, i, ref commandAt, out start, out end)
            || c is 'V' or 'v' && TextEchoes.Match(text, i, out start, out end)
            || c is 'P' or 'p' or 'I' or 'i' && TextSql.Match(text, i, out start, out end))
        {
            next = end;
            return true;
        }

        if (MatchKeyAndValue(text, i, out start, out end, out next))
        {
            return true;
        }

        // The t of C:\temp\token=... may start a key (text that is not JSON); if it does not, the word after it may.
        // No rule starts inside a run of backslashes that no \u escape ends, so the run is stepped over once.
        next = TextScan.IsEscapeLetter(text, i) ? i + 1 : c == '\\' ? Math.Max(next, TextScan.BackslashRunEnd(text, i)) : next;
        if (tokenAt > i && tokenAt < next)
        {
            tokens.WordEnd = next; // a token after a dash or a dot of the word read as a key (v1.0-ghp_...)
            next = tokenAt;
        }

        return false;
    }

    /// <summary>A secret key (letters, digits, <c>_ - .</c> and JSON <c>\u</c> escapes) at <paramref name="i"/> and its value.</summary>
    private static bool MatchKeyAndValue(string text, int i, out int start, out int end, out int next)
    {
        start = end = 0;
        next = i + 1;
        var foreign = TextKeys.IsForeignChar(text[i]);
        if (!(char.IsAsciiLetter(text[i]) || text[i] == '_' || TextKeys.EscapeLength(text, i, out _) > 0 || (foreign && char.IsLetter(text[i]))))
        {
            return false;
        }

        var escapes = false;
        var keyEnd = i;
        while (keyEnd < text.Length)
        {
            if (IsWordChar(text[keyEnd]) || text[keyEnd] is '-' or '.')
            {
                keyEnd++;
            }
            else if (TextKeys.IsForeignChar(text[keyEnd]))
            {
                keyEnd++; // a key word of another language (パスワード: x, Пароль=x)
                foreign = true;
            }
            else if (TextKeys.EscapeLength(text, keyEnd, out _) is > 0 and var escape && TextEncodedKeys.EscapedWideSignLength(text, keyEnd) == 0)
            {
                keyEnd += escape;
                escapes = true;
            }
            else
            {
                break;
            }
        }

        next = keyEnd;
        // A quoted key with a space or another sign in it ("Secret Key", "pass\/word") is judged whole, as JSON folds it,
        // when its first word alone is not a secret key with a value.
        if (MatchValueOfKey(text, i, keyEnd, escapes, foreign, out start, out end)
            || TextKeys.QuotedKeyEnd(text, i, keyEnd) is > 0 and var quotedEnd
            && MatchValueOfKey(text, i, quotedEnd, escapes: true, foreign, out start, out end))
        {
            next = end;
            return true;
        }

        return false;
    }

    /// <summary>The value of the key from <paramref name="i"/> to <paramref name="keyEnd"/>, if the key is secret.</summary>
    /// <param name="foreign">The key holds letters beyond ASCII, whose secret words may be two characters long (口令, 암호).</param>
    private static bool MatchValueOfKey(string text, int i, int keyEnd, bool escapes, bool foreign, out int start, out int end)
    {
        // The value after the key is looked for first (most words have none); a key shorter than the shortest secret
        // word cannot be secret; only a secret key matters, so the identifier check for other keys is skipped.
        var spaced = false;
        if (keyEnd - i < (foreign ? 2 : TextKeys.MinChars) || !(MatchValue(text, keyEnd, out start, out end, out var bare, out var tight, out var container)
            || TextEncodedKeys.MatchValue(text, i, keyEnd, out start, out end, out bare)
            || (spaced = TextSpacedValues.Match(text, i, keyEnd, out start, out end))))
        {
            start = end = 0;
            return false;
        }

        // A key tight against its value inside an ARN or a path (:secret:prod), or an IAM service prefix (secretsmanager:Get*),
        // holds nothing whatever the key: told first, as it costs far less than judging the key (the tests are pure).
        if (tight && (!TextKeys.MayStartTightKey(text, i) || (!escapes && TextKeys.IsServicePrefix(text.AsSpan(i, keyEnd - i)))))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[RedactionRules.MaxKeyChars];
        var key = escapes ? TextKeys.Decode(text, i, keyEnd, buffer) : text.AsSpan(i, keyEnd - i);
        if (spaced)
        {
            // No sign between key and value: only a key that is secret whatever its value is (not dbPass, pin or a
            // name/value list's value), and only the value-looking word after it (apikey Hunter2, not token expired).
            return TextKeys.IsSpacedSecret(key) || TextKeys.EndsSpacedPhrase(text, i, keyEnd);
        }

        var secret = TextKeys.IsSecret(key, container) || TextKeys.EndsSpacedPhrase(text, i, keyEnd);
        if (!secret && !(TextKeys.IsSiblingJudged(key) && TextSiblings.HideValue(text, i, end))
            && !(TextKeys.IsEncryptionKeyMember(key) && TextSiblings.InEncryptionObject(text, i))
            || tight && (TextKeys.IsServicePrefix(key) || !TextKeys.MayStartTightKey(text, i)))
        {
            return false;
        }

        if (bare && secret && (TextKeys.IsHeader(key) || TextKeys.IsAuthScheme(text.AsSpan(start, end - start))))
        {
            end = TextScan.HeaderValueEnd(text, start);
            while (end > start && text[end - 1] is ' ' or '\t')
            {
                end--;
            }
        }
        else if (bare && secret)
        {
            end = TextScan.ConnectionStringValueEnd(text, i, start, end);
        }

        return true;
    }

    /// <summary>
    /// After a key: its closing quote (escaped or not), <c>:</c> or <c>=</c>, then the value (a quoted string, an object or
    /// array, or a bare word; numbers too, not booleans or null). <paramref name="tight"/>: an unquoted key with a word
    /// right after its colon (<c>password:x</c>), which an ARN or an IAM action also looks like. <paramref name="container"/>:
    /// the value is an object or array.
    /// </summary>
    private static bool MatchValue(string text, int keyEnd, out int start, out int end, out bool bare, out bool tight, out bool container)
    {
        start = end = 0;
        bare = tight = container = false;
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

        p = TextScan.SkipSpaces(text, p);
        if (p >= text.Length || text[p] is not (':' or '='))
        {
            return false;
        }

        var colon = text[p] == ':';
        p++;
        if (colon && !quoted && !TextScan.IsSpace(text, p))
        {
            // key:value without a space: not the colons inside an ARN or a URL (arn:aws:secretsmanager:..., token://)
            if (p >= text.Length || text[p] is '/' or ':' or '\\' or '"' or '\'')
            {
                return false;
            }

            tight = true;
        }

        p = TextScan.SkipSpaces(text, p);
        var backslashes = 0;
        while (p + backslashes < text.Length && text[p + backslashes] == '\\')
        {
            backslashes++;
        }

        if (p + backslashes < text.Length && text[p + backslashes] is '"' or '\'')
        {
            start = p + backslashes + 1;
            end = TextScan.ClosingQuote(text, start, text[p + backslashes], backslashes);
        }
        else if (p < text.Length && text[p] is '{' or '[')
        {
            container = true;
            start = p;
            end = TextScan.ClosingBracket(text, p);
        }
        else
        {
            bare = true;
            start = p;
            end = TextScan.ValueEnd(text, p);
        }

        var value = text.AsSpan(start, end - start);
        return !value.IsEmpty && !RedactionRules.IsBooleanLike(value) && !value.Equals("null", StringComparison.Ordinal);
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
