namespace CloudTrailNotifier.Redaction;

/// <summary>
/// How the text rules judge the key written before a value: the key rule of <see cref="RedactionRules"/>, plus a few
/// words that name a secret in free text only (connection strings, HTTP headers, query strings), a key written with
/// JSON <c>\u</c> escapes, and the keys whose value a sibling member decides (<see cref="TextSiblings"/>). Pure.
/// </summary>
internal static class TextKeys
{
    /// <summary>Keys, folded, that hold a secret in text: ODBC/ADO <c>Pwd</c>, <c>pass</c> in a query string.</summary>
    private static readonly string[] SecretNames = ["pwd", "pass"];

    /// <summary>Folded key endings that hold a secret in text: <c>DB_PWD</c>, <c>x-api-key</c>, <c>X-Amz-Signature</c>.</summary>
    private static readonly string[] SecretEndings = ["pwd", "apikey", "signature"];

    /// <summary>
    /// Words written as they appear, for the first look: every secret name and ending above holds one, and so does
    /// every PIN, one-time code and MFA code key of <see cref="RedactionRules"/> (<c>pin</c>, <c>otp</c>, <c>...Code</c>).
    /// </summary>
    public static readonly string[] TriggerWords = ["pwd", "pass", "apikey", "api-key", "api_key", "api key", "signature", "pin", "otp", "code"];

    /// <summary>Folded keys whose value runs to the end of the line: an HTTP header holds several words or pairs.</summary>
    private static readonly string[] HeaderFragments = ["authorization", "cookie"];

    /// <summary>HTTP authentication schemes: a value that starts with one runs to the end of the line as a header does.</summary>
    private static readonly string[] AuthSchemes =
        ["Bearer", "Basic", "Digest", "Token", "Negotiate", "NTLM", "AWS4-HMAC-SHA256", "HOBA", "Mutual", "OAuth", "SCRAM-SHA-256"];

    /// <summary>Folded keys whose value is secret when a sibling member says so (SSM, ECS, CloudFormation, CodeBuild).</summary>
    private static readonly string[] SiblingJudgedNames = ["value", "parametervalue"];

    /// <summary>
    /// Folded keys that, written as <c>key:Value</c> without a space, are an IAM service prefix before an action or
    /// condition key (<c>secretsmanager:GetSecretValue</c>), not a secret.
    /// </summary>
    private static readonly string[] ServicePrefixes = ["secretsmanager"];

    /// <summary>The shortest key any text rule matches.</summary>
    public static readonly int MinChars = Math.Min(RedactionRules.SecretFragments.Min(f => f.Length), SecretNames.Min(n => n.Length));

    /// <summary>Whether a key, decoded, holds a secret in text.</summary>
    /// <param name="container">The value is an object or array, which a key secret only as a scalar (<c>dbPass</c>, <c>pin</c>) does not hide.</param>
    public static bool IsSecret(ReadOnlySpan<char> key, bool container = false)
    {
        if (RedactionRules.Classify(key, insideSecret: false) is var verdict
            && (verdict == KeyVerdict.Secret || (verdict == KeyVerdict.SecretScalar && !container)))
        {
            return true;
        }

        Span<char> folded = stackalloc char[RedactionRules.MaxKeyChars];
        var name = Fold(key, folded);
        foreach (var secret in SecretNames)
        {
            if (name.SequenceEqual(secret))
            {
                return true;
            }
        }

        foreach (var ending in SecretEndings)
        {
            if (name.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Key words written as several words, whose last word alone names no secret (French <c>mot de passe</c>,
    /// Indonesian <c>kata sandi</c>, English <c>api key</c>): in text the key before a value is its last word only.
    /// </summary>
    private static readonly string[] SpacedPhrases =
    [
        "mot de passe", "mots de passe", "kata sandi", "kata laluan", "mật khẩu", "كلمة المرور", "parola d'ordine", "clave de acceso",
        "api key", "secret key", "private key",
    ];

    /// <summary>
    /// Whether a key holds a secret whatever its value (<see cref="KeyVerdict.Secret"/>): the keys whose value is hidden
    /// after spaces only (<see cref="TextSpacedValues"/>). A key secret only as a scalar or only in text (<c>pass</c>,
    /// <c>pwd</c>, <c>pin</c>, <c>session</c>) is also a word of prose or a command there.
    /// </summary>
    public static bool IsSpacedSecret(ReadOnlySpan<char> key) => RedactionRules.Classify(key, insideSecret: false) == KeyVerdict.Secret;

    /// <summary>Whether the key from <paramref name="keyStart"/> to <paramref name="keyEnd"/> is the last word of a <see cref="SpacedPhrases">spaced phrase</see>.</summary>
    public static bool EndsSpacedPhrase(string text, int keyStart, int keyEnd)
    {
        foreach (var phrase in SpacedPhrases)
        {
            if (keyEnd >= phrase.Length && keyEnd - keyStart < phrase.Length
                && text.AsSpan(keyEnd - phrase.Length, phrase.Length).Equals(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a secret key's value is an HTTP header value (Authorization, Proxy-Authorization, Cookie, Set-Cookie).</summary>
    public static bool IsHeader(ReadOnlySpan<char> key) => FoldedContainsAny(key, HeaderFragments);

    /// <summary>Whether the bare word <paramref name="word"/> is an HTTP authentication scheme.</summary>
    public static bool IsAuthScheme(ReadOnlySpan<char> word)
    {
        foreach (var scheme in AuthSchemes)
        {
            if (word.Equals(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a key's value is secret when a sibling member says so (<c>value</c>, <c>ParameterValue</c>).</summary>
    public static bool IsSiblingJudged(ReadOnlySpan<char> key) => FoldedEqualsAny(key, SiblingJudgedNames);

    /// <summary>Whether a key is the data key member of an encryption settings object (<see cref="MemberRole.Encryption"/>).</summary>
    public static bool IsEncryptionKeyMember(ReadOnlySpan<char> key) => FoldedEqualsAny(key, EncryptionKeyMembers);

    private static readonly string[] EncryptionKeyMembers = [RedactionRules.EncryptionKeyMember];

    /// <summary>Whether a key is an IAM service prefix when a word follows its colon without a space.</summary>
    public static bool IsServicePrefix(ReadOnlySpan<char> key) => FoldedEqualsAny(key, ServicePrefixes);

    /// <summary>
    /// The length of a JSON <c>\u</c> escape at <paramref name="i"/> (at any nesting level, so after one or more
    /// backslashes) or of a percent escape of a key's character, 0 when there is none; <paramref name="decoded"/> is the character it stands for.
    /// </summary>
    public static int EscapeLength(string text, int i, out char decoded)
    {
        if (text[i] == '%')
        {
            return TextEncodedKeys.PercentLength(text, i, out decoded); // a URL's pass%77ord
        }

        decoded = '\0';
        var p = i;
        while (p < text.Length && text[p] == '\\')
        {
            p++;
        }

        if (p == i || p + 5 > text.Length || text[p] != 'u'
            || !ushort.TryParse(text.AsSpan(p + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
        {
            return 0;
        }

        decoded = (char)code;
        return p + 5 - i;
    }

    /// <summary>
    /// When the key at <paramref name="start"/> opens a quoted string and its word ends at <paramref name="wordEnd"/>
    /// before the closing quote (<c>"Secret Key"</c>, <c>"pass\/word"</c>): where the quoted key ends (at the backslashes
    /// before its closing quote), so it can be judged whole; 0 when it is not such a key, spans a line or is too long.
    /// </summary>
    public static int QuotedKeyEnd(string text, int start, int wordEnd)
    {
        if (start == 0 || text[start - 1] is not ('"' or '\''))
        {
            return 0;
        }

        var backslashes = 0;
        while (start - 2 - backslashes >= 0 && text[start - 2 - backslashes] == '\\')
        {
            backslashes++;
        }

        var close = TextScan.ClosingQuote(text, start, text[start - 1], backslashes, RedactionRules.MaxKeyChars);
        return close <= wordEnd || close >= text.Length || text.AsSpan(start, close - start).IndexOfAny('\r', '\n') >= 0 ? 0 : close;
    }

    /// <summary>A key as JSON reads it: its <c>\u</c> escapes decoded (at most <paramref name="buffer"/>'s length).</summary>
    public static ReadOnlySpan<char> Decode(string text, int start, int end, Span<char> buffer)
    {
        var length = 0;
        for (var i = start; i < end && length < buffer.Length;)
        {
            var escape = EscapeLength(text, i, out var decoded);
            buffer[length++] = escape > 0 ? decoded : text[i];
            i += Math.Max(escape, 1);
        }

        return buffer[..length];
    }

    private static bool FoldedEqualsAny(ReadOnlySpan<char> key, string[] names)
    {
        Span<char> folded = stackalloc char[RedactionRules.MaxKeyChars];
        var name = Fold(key, folded);
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FoldedContainsAny(ReadOnlySpan<char> key, string[] fragments)
    {
        Span<char> folded = stackalloc char[RedactionRules.MaxKeyChars];
        var name = Fold(key, folded);
        foreach (var fragment in fragments)
        {
            if (name.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>As <see cref="RedactionRules"/> folds keys: ASCII letters lower-cased, digits, nothing else.</summary>
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> key, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in key)
        {
            if (length == buffer.Length)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return buffer[..length];
    }

    /// <summary>
    /// A letter, digit or mark beyond ASCII, part of a key written in another script (a kana's sound mark in any form,
    /// <see cref="KanaFolding"/>); not a fullwidth sign.
    /// </summary>
    public static bool IsForeignChar(char c) =>
        c >= 0x80 && (char.IsLetterOrDigit(c) || KanaFolding.IsSoundMark(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c)
            is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    /// <summary>
    /// Whether a key written tight against its value (<c>password:x</c>) starts a word of its own, not a part of an ARN,
    /// a path or a name (<c>:secret:prod</c>, <c>/password:1</c>): at the start, after whitespace, a quote, a bracket or
    /// an escape (<c>\npassword:x</c> in JSON text).
    /// </summary>
    public static bool MayStartTightKey(string text, int keyStart) =>
        keyStart == 0
        || text[keyStart - 1] is ' ' or '\t' or '\r' or '\n' or '"' or '\'' or '(' or '[' or '{' or ',' or ';' or '|' or '?' or '&' or '\\'
        || TextScan.IsEscapeLetter(text, keyStart - 1);
}
