namespace CloudTrailNotifier.Redaction;

/// <summary>
/// The redaction rule, in one table. Keys are compared by their letters and digits only, lower-cased, so
/// <c>secretAccessKey</c>, <c>SECRET_ACCESS_KEY</c> and <c>secret-access-key</c> are one name.
/// Escapes are decoded first (<see cref="KeyName"/>): <c>"pass\u0077ord"</c> is <c>password</c>.
/// <list type="bullet">
/// <item>A key that contains a <see cref="SecretFragments">secret fragment</see> or ends with a
/// <see cref="SecretEndings">secret ending</see> holds a secret, unless its name is <see cref="KeptNames">kept</see> or
/// ends like an identifier (<see cref="KeptSuffixes"/>). A key whose last word is a <see cref="SecretLastWords">secret
/// word</see> or that is named <see cref="ScalarSecretNames">so</see> holds one when it is a string or number.</item>
/// <item>A secret key's string or number is redacted; inside a secret (an object or array under a secret key), every
/// string and number is, except kept keys: <c>credentials</c> keeps <c>accessKeyId</c> and <c>expiration</c>.</item>
/// <item>Name/value lists: the <see cref="PairValueKeys">value</see> of an object whose <see cref="PairNameKeys">name</see>
/// is a secret key name (<c>{"name": "DB_PASSWORD", "value": ...}</c>), or whose <c>type</c> is <c>SecureString</c>.</item>
/// <item>Booleans, null, and the strings true/false/yes/no are never secret: they are settings.</item>
/// <item>Anywhere, whatever the key: a PEM private key, an STS session token, and <c>key=value</c> or
/// <c>"key": "value"</c> text whose key is secret (<see cref="TextRedactor"/>).</item>
/// <item>CloudTrail's own <see cref="CloudTrailHidden"/> is shown as hidden by CloudTrail.</item>
/// </list>
/// </summary>
internal static partial class RedactionRules
{
    /// <summary>A key containing one of these holds a secret (CloudTrail families in the comments).</summary>
    public static readonly string[] SecretFragments =
    [
        "password",           // IAM Create/UpdateLoginProfile, RDS/Redshift/DocumentDB masterUserPassword
        "passwd",
        "passphrase",         // ACM ExportCertificate
        "secret",             // STS/IAM secretAccessKey, Secrets Manager secretString/secretBinary, clientSecret
        "token",              // STS sessionToken, Cognito idToken/accessToken/refreshToken
        "credentials",        // STS credentials {accessKeyId, sessionToken, expiration}
        "privatekey",         // ACM, IoT CreateKeysAndCertificate keyPair.PrivateKey
        "keymaterial",        // EC2 CreateKeyPair, KMS ImportKeyMaterial
        "authparameters",     // Cognito InitiateAuth / AdminInitiateAuth
        "challengeresponses", // Cognito RespondToAuthChallenge
        "authorization",
        "cookie",
    ];

    /// <summary>Keys kept although they contain a fragment: identifiers, paging and idempotency tokens, settings.</summary>
    public static readonly string[] KeptNames =
    [
        "accesskeyid",
        "subjectfromwebidentitytoken", // the web identity's subject: who, not a credential
        "nexttoken",
        "paginationtoken",
        "continuationtoken",
        "clienttoken",
        "clientrequesttoken",          // Secrets Manager: the new version's id
        "idempotencytoken",
        "httptokens",                  // EC2 metadata options: required / optional
        "passwordpolicy",
        "passwordlastused",
        "passwordresetrequired",
        "passwordupdated",
        "passwordencryption",          // RDS/Redshift parameter group: password_encryption (md5 or scram-sha-256)
        "maxpasswordage",              // IAM account password policy: numbers that are settings
        "passwordreuseprevention",
    ];

    /// <summary>Keys ending like this name, type or date a secret; they do not hold it (<c>secretId</c>, <c>tokenType</c>).</summary>
    public static readonly string[] KeptSuffixes =
    [
        "id", "ids", "idlist", "arn", "arns", "name", "names", "list",
        "type", "types", "stage", "stages", "date", "time", "expiration",
        "length", "count", "enabled", "required", "validity", "units",
    ];

    /// <summary>SSM: a parameter's value members are secret when the same object says <c>type: SecureString</c> (any case).</summary>
    public const string SecureStringType = "SecureString";

    /// <summary><see cref="SecureStringType"/> as UTF-8.</summary>
    public static ReadOnlySpan<byte> SecureStringTypeUtf8 => "SecureString"u8;

    /// <summary>What CloudTrail writes in place of a value it withheld.</summary>
    public const string CloudTrailHidden = "HIDDEN_DUE_TO_SECURITY_REASONS";

    /// <summary>What CloudTrail writes in place of key material, user data and the like it removed (EC2 CreateKeyPair).</summary>
    public const string CloudTrailRemoved = "<sensitiveDataRemoved>";

    /// <summary>How an STS session token begins (base64 of its binary header); at least 16 more characters follow.</summary>
    public static readonly string[] SessionTokenPrefixes =
    [
        "IQoJb3JpZ2lu", "IgoJb3JpZ2lu", "AgoJb3JpZ2lu", "FwoGZXIvYXdz", "FQoGZXIvYXdz", "AQoDYXdz", "AQoEXAMPLE",
    ];

    /// <summary>A PEM block carrying a private key (RSA, EC, OpenSSH, PKCS#8, encrypted, PGP).</summary>
    public const string PemBegin = "-----BEGIN";

    public const string PemPrivateKey = "PRIVATE KEY";

    /// <summary>Classifies a key given as text.</summary>
    /// <param name="insideSecret">False skips the identifier check for keys that hold no secret (they show either way).</param>
    public static KeyVerdict Classify(ReadOnlySpan<char> key, bool insideSecret = true)
    {
        Span<char> decoded = stackalloc char[Math.Min(key.Length, MaxKeyChars)];
        return ClassifyDecoded(decoded[..KeyName.Copy(key, decoded)], insideSecret);
    }

    /// <summary>Classifies a key as its UTF-8 bytes as written in JSON (escapes decoded first, so the decoded name's verdict).</summary>
    /// <param name="insideSecret">False skips the identifier check for keys that hold no secret (they show either way).</param>
    public static KeyVerdict Classify(ReadOnlySpan<byte> utf8Key, bool insideSecret = true)
    {
        Span<char> decoded = stackalloc char[Math.Min(utf8Key.Length, MaxKeyChars)];
        return ClassifyDecoded(decoded[..KeyName.Decode(utf8Key, decoded)], insideSecret);
    }

    /// <summary>Longest key looked at; longer keys are judged by their first characters.</summary>
    public const int MaxKeyChars = 128;

    /// <summary>ASCII letters lower-cased and digits as they are; anything else is left out.</summary>
    private static char Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c,
        >= 'A' and <= 'Z' => (char)(c + 32),
        _ => '\0',
    };

    private static readonly System.Buffers.SearchValues<string> Fragments =
        System.Buffers.SearchValues.Create(SecretFragments, StringComparison.Ordinal);

    private static KeyVerdict ClassifyDecoded(ReadOnlySpan<char> decoded, bool insideSecret)
    {
        Span<char> buffer = stackalloc char[decoded.Length];
        var length = 0;
        foreach (var c in decoded)
        {
            if (Fold(c) is var folded && folded != '\0')
            {
                buffer[length++] = folded;
            }
        }

        var normalizedKey = buffer[..length];
        var secret = normalizedKey.IndexOfAny(Fragments) >= 0 || IsAsciiForeignSecret(normalizedKey) || IsForeignSecret(decoded)
            ? KeyVerdict.Secret
            : SecretByWords(decoded, normalizedKey);
        if (secret == KeyVerdict.Neutral && !insideSecret)
        {
            return KeyVerdict.Neutral; // outside a secret, Kept and Neutral mean the same: shown
        }

        if (secret == KeyVerdict.SecretScalar)
        {
            return secret; // a last word or a whole name: no identifier ending is either
        }

        var kept = false;
        foreach (var suffix in KeptSuffixes)
        {
            if (normalizedKey.EndsWith(suffix, StringComparison.Ordinal))
            {
                kept = true;
                break;
            }
        }

        if (secret == KeyVerdict.Neutral)
        {
            return kept ? KeyVerdict.Kept : KeyVerdict.Neutral;
        }

        foreach (var name in KeptNames)
        {
            kept |= normalizedKey.SequenceEqual(name);
        }

        return kept ? KeyVerdict.Kept : KeyVerdict.Secret;
    }

    /// <summary>Strings that are settings, never secrets (CloudTrail writes many booleans as strings).</summary>
    public static bool IsBooleanLike(ReadOnlySpan<char> text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)
        || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase);
}
