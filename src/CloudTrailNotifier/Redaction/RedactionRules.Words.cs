using System.Text;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// The rules that read a key by its words or its whole name rather than by a fragment anywhere in it, and the
/// name/value rule that reads one member's key from a sibling's value.
/// </summary>
internal static partial class RedactionRules
{
    /// <summary>
    /// A key ending with one of these (lower-cased letters and digits, trailing digits left out) holds a secret; only
    /// the ending, so <c>apiKeySource</c>, <c>apiKeyRequired</c> and <c>preSharedKeyStorage</c> stay.
    /// </summary>
    public static readonly string[] SecretEndings =
    [
        "apikey",        // API keys: apiKey, x-api-key, API_KEY
        "apikeyvalue",   // EventBridge connections: ApiKeyAuthParameters.ApiKeyValue
        "presharedkey",  // EC2 VPN tunnel options: PreSharedKey, Tunnel1PreSharedKey
        "signingkey",
        "plaintext",     // KMS Decrypt, GenerateDataKey, GenerateRandom: Plaintext
        "pincode",       // pinCode, PIN_CODE
        "authenticationcode", // IAM EnableMFADevice, ResyncMFADevice: authenticationCode1, authenticationCode2
        "otpcode",       // one-time codes: otpCode, totpCode, hotpCode
        "mfacode",
        "verificationcode",
        "confirmationcode", // Cognito ConfirmSignUp, ConfirmForgotPassword: ConfirmationCode
        "usercode",      // Cognito VerifySoftwareToken: UserCode (the TOTP code)
        "devicecode",    // SSO OIDC CreateToken: deviceCode (redeemed for tokens)

        // Review 22 (L3); each also with a plural s (apiKeys, streamKeys).
        "credential",    // SNS platform applications: PlatformCredential (the APNs/FCM signing key); a singular credential
        "authkey", "licensekey", "masterkey", "sharedkey", "passcode", "fernetkey", // MWAA core.fernet_key: Airflow's Fernet key
        "accesskeys",    // a list of access keys (the singular is a scalar ending: IAM's accessKey object holds metadata)
        "hostkey",       // Transfer Family CreateServer/UpdateServer hostKey: the server's private SSH host key
        "hostkeybody",   // Transfer Family ImportHostKey
        "keytab",        // DataSync HDFS/SMB kerberosKeytab
        "stringseed",    // IAM CreateVirtualMFADevice: base32StringSeed, the TOTP seed
        "qrcodepng",     // ... and the same seed as a QR code
        "streamkey",     // IVS stream keys ({arn, value}): the value is the key
        "ssecustomerkey", // S3 SSE-C: the customer's encryption key
    ];

    /// <summary>A key ending so (as <see cref="SecretEndings"/>) holds a secret when its value is a string or number.</summary>
    public static readonly string[] ScalarSecretEndings =
    [
        "accesskey",     // Firehose HTTP endpoint accessKey (a Datadog or New Relic API key); IAM's accessKey object is metadata
    ];

    /// <summary>
    /// A key whose last word is one of these holds a secret when its value is a string or number (<c>dbPass</c>,
    /// <c>DB_PASS</c>, <c>userPwd</c>, <c>userPin</c>, <c>PIN</c>, <c>otp</c>); so does a last word that ends with one
    /// (<c>dbpass</c>, <c>adminpass</c>, <c>rootpw</c>, <c>TOTP</c>: keys written in lower case run their words
    /// together) unless it is a <see cref="KeptLastWords">word of its own</see>. Only the last word, so <c>passRole</c>,
    /// <c>pinned</c>, <c>spinner</c> and <c>shipping</c> stay, and only a scalar, so a Step Functions state named
    /// <c>SinglePass</c> (an object) stays.
    /// </summary>
    public static readonly string[] SecretLastWords = ["pass", "pwd", "pw", "pin", "otp"];

    /// <summary>Words that end like a <see cref="SecretLastWords">secret last word</see> and name no secret.</summary>
    public static readonly string[] KeptLastWords =
    [
        "bypass", "compass", "encompass", "overpass", "underpass", "surpass", "trespass",
        "spin", "backspin", "tailspin", "hairpin", "linchpin", "kingpin", "pushpin", "tiepin",
    ];

    /// <summary>
    /// A key named exactly so holds a secret when its value is a string or number: Cognito's <c>Session</c> (InitiateAuth,
    /// RespondToAuthChallenge, AssociateSoftwareToken) is a token; Glue's <c>Session</c> object is not, nor are
    /// <c>sessionName</c>, <c>roleSessionName</c>, <c>sessionIssuer</c> or <c>sessionContext</c>.
    /// </summary>
    public static readonly string[] ScalarSecretNames = ["session"];

    /// <summary>Name/value lists: a member named so (folded) names its sibling value (ECS, Batch, CodeBuild, CloudFormation, Beanstalk).</summary>
    public static readonly string[] PairNameKeys =
        ["name", "key", "parameterkey", "parametername", "optionname", "variablename", "attributename"]; // Firehose commonAttributes

    /// <summary>Name/value lists: the members a secret name or a <c>SecureString</c> type makes secret.</summary>
    public static readonly string[] PairValueKeys =
        ["value", "parametervalue", "resolvedvalue", "optionvalue", "variablevalue", "attributevalue"];

    /// <summary>The member whose <c>SecureString</c> makes its sibling values secret (any case).</summary>
    public const string TypeKey = "type";

    /// <summary>Longest key whose role is looked for; no role name is near it, however it is written.</summary>
    private const int MaxRoleChars = 32;

    /// <summary>Whether a key's words make it secret (given its decoded and its folded form).</summary>
    private static KeyVerdict SecretByWords(ReadOnlySpan<char> decoded, ReadOnlySpan<char> folded)
    {
        var tail = folded.TrimEnd("0123456789");
        if (EndsWithAny(tail, SecretEndings) || (tail is [.., 's'] && EndsWithAny(tail[..^1], SecretEndings)) || IsEnvStyleSecret(decoded))
        {
            return KeyVerdict.Secret;
        }

        if (EndsWithAny(tail, ScalarSecretEndings))
        {
            return KeyVerdict.SecretScalar;
        }

        var last = LastWord(decoded);
        foreach (var word in SecretLastWords)
        {
            if (last.EndsWith(word, StringComparison.OrdinalIgnoreCase) && !IsKeptLastWord(last))
            {
                return KeyVerdict.SecretScalar;
            }
        }

        foreach (var name in ScalarSecretNames)
        {
            if (folded.SequenceEqual(name))
            {
                return KeyVerdict.SecretScalar;
            }
        }

        return KeyVerdict.Neutral;
    }

    private static bool IsKeptLastWord(ReadOnlySpan<char> last)
    {
        foreach (var word in KeptLastWords)
        {
            if (last.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last word: after the last separator, digit or lower-to-upper change (<c>dbPass</c>: Pass, <c>DB_PASS1</c>: PASS).</summary>
    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> decoded)
    {
        var end = decoded.Length;
        while (end > 0 && !char.IsAsciiLetter(decoded[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return [];
        }

        var start = end - 1;
        if (char.IsAsciiLetterLower(decoded[start]))
        {
            while (start > 0 && char.IsAsciiLetterLower(decoded[start - 1]))
            {
                start--;
            }

            if (start > 0 && char.IsAsciiLetterUpper(decoded[start - 1]))
            {
                start--;
            }
        }
        else
        {
            while (start > 0 && char.IsAsciiLetterUpper(decoded[start - 1]))
            {
                start--;
            }
        }

        return decoded[start..end];
    }

    private static bool EndsWithAny(ReadOnlySpan<char> folded, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (folded.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a key (UTF-8 as written in JSON) says about its siblings: folded and decoded like every key.</summary>
    public static MemberRole Role(ReadOnlySpan<byte> utf8Key)
    {
        if (utf8Key.IndexOfAnyExcept(LettersAndDigits) < 0)
        {
            // Most keys: letters and digits only, so folding only lower-cases them.
            return RoleOfLetters(utf8Key, TypeKey) ? MemberRole.Type
                : RoleOfLetters(utf8Key, PairNameKeys) ? MemberRole.Name
                : RoleOfLetters(utf8Key, PairValueKeys) ? MemberRole.Value
                : EndsWithLetters(utf8Key, EncryptionObjectEndings) ? MemberRole.Encryption
                : MemberRole.None;
        }

        Span<char> decoded = stackalloc char[Math.Min(utf8Key.Length, MaxRoleChars)];
        var length = KeyName.Decode(utf8Key, decoded);
        var folded = 0;
        for (var i = 0; i < length; i++)
        {
            if (Fold(decoded[i]) is var c && c != '\0')
            {
                decoded[folded++] = c;
            }
        }

        var name = decoded[..folded];
        return name.SequenceEqual(TypeKey) ? MemberRole.Type
            : IsOneOf(name, PairNameKeys) ? MemberRole.Name
            : IsOneOf(name, PairValueKeys) ? MemberRole.Value
            : EndsWithAny(name, EncryptionObjectEndings) ? MemberRole.Encryption
            : MemberRole.None;
    }

    /// <summary>Folded endings of a key whose object holds encryption settings (<see cref="MemberRole.Encryption"/>).</summary>
    public static readonly string[] EncryptionObjectEndings = ["encryption", "contentprotection", "playreadydrm"];

    /// <summary>Pieces of <see cref="EncryptionObjectEndings"/> for the text rules' first look (rare starts, as above).</summary>
    public static readonly string[] EncryptionTriggerWords = ["ncryption", "ntprotection", "eadydrm"];

    /// <summary>The member of an encryption settings object that holds the data key (folded); <c>keyMd5</c> and <c>mode</c> stay.</summary>
    public const string EncryptionKeyMember = "key";

    /// <summary>Whether a key (UTF-8 as written in JSON) is <see cref="EncryptionKeyMember"/>, folded and decoded like every key.</summary>
    public static bool IsEncryptionKeyMember(ReadOnlySpan<byte> utf8Key)
    {
        Span<char> decoded = stackalloc char[Math.Min(utf8Key.Length, MaxRoleChars)];
        var length = KeyName.Decode(utf8Key, decoded);
        var folded = 0;
        for (var i = 0; i < length; i++)
        {
            if (Fold(decoded[i]) is var c && c != '\0')
            {
                decoded[folded++] = c;
            }
        }

        return decoded[..folded].SequenceEqual(EncryptionKeyMember);
    }

    private static bool EndsWithLetters(ReadOnlySpan<byte> key, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (key.Length >= ending.Length && Ascii.EqualsIgnoreCase(key[^ending.Length..], ending))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<byte> LettersAndDigits =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"u8);

    private static bool RoleOfLetters(ReadOnlySpan<byte> key, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (key.Length == name.Length && Ascii.EqualsIgnoreCase(key, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a name member's string (its content as written in JSON) names a secret: read as a key would be.</summary>
    public static bool NamesSecret(ReadOnlySpan<byte> utf8Content) =>
        Classify(utf8Content, insideSecret: false) is KeyVerdict.Secret or KeyVerdict.SecretScalar;

    /// <summary>Words any key or name these rules make secret holds, however it is cut (<c>API_KEY</c>, <c>Pre-Shared-Key</c>), but the text triggers lack.</summary>
    private static readonly System.Buffers.SearchValues<string> WordSecretWords = System.Buffers.SearchValues.Create(
        ["pw", "api", "shared", "signing", "plain", "session", RedactionRules.SecureStringType, "key", "seed", "png", "_pat", "dsn", "webhook"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether text (a container too deep to walk) may hold a key these rules make secret.</summary>
    public static bool MayHoldWordSecret(ReadOnlySpan<char> text) => text.IndexOfAny(WordSecretWords) >= 0;

    /// <summary>Whether a type member's text says <c>SecureString</c>.</summary>
    public static bool IsSecureString(ReadOnlySpan<char> text) => text.Equals(SecureStringType, StringComparison.OrdinalIgnoreCase);
}
