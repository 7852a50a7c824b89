using System.Buffers;
using System.Globalization;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Secret key names in other languages (review 22, L7): application JSON, tags, Step Functions input and environment
/// variables are written by people in their own language. Only words that name a password, a passphrase, a PIN, a
/// secret or a token, as the English rules do; words that also mean something harmless (Spanish <c>clave</c>, any key;
/// Italian <c>parola</c> alone, a word; Korean <c>암호화</c>, encryption) are left out or read only as a key's ending.
/// </summary>
internal static partial class RedactionRules
{
    /// <summary>Folded like the English fragments (ASCII letters and digits, lower case): a key containing one holds a secret.</summary>
    public static readonly string[] AsciiForeignFragments =
    [
        "passwort", "kennwort",          // German
        "motdepasse",                    // French mot de passe, mot_de_passe, MOT-DE-PASSE
        "contrasen",                     // Spanish contrasena (contraseña without its tilde), Catalan contrasenya
        "clavedeacceso", "claveacceso",  // Spanish clave de acceso (clave alone is any key)
        "palavrapasse",                  // Portuguese (Portugal) palavra-passe
        "paroladordine",                 // Italian parola d'ordine
        "wachtwoord",                    // Dutch
        "losenord",                      // Swedish lösenord without its umlaut
        "adgangskode",                   // Danish
        "salasana",                      // Finnish
        "jelszo",                        // Hungarian jelszó without its accent
        "katasandi", "katalaluan",       // Indonesian, Malay
        "matkhau",                       // Vietnamese mật khẩu without its marks
    ];

    /// <summary>Folded as above: a key ending with one holds a secret (they are parts of other words too: <c>hasLogin</c>).</summary>
    public static readonly string[] AsciiForeignEndings =
    [
        "senha",   // Portuguese
        "parola",  // Turkish, Romanian (parolă without its mark); Italian for a password too
        "haslo",   // Polish hasło without its mark
        "sifre",   // Turkish şifre without its cedilla
        "heslo",   // Czech, Slovak
        "passord", // Norwegian
    ];

    /// <summary>
    /// Beyond ASCII, lower case, letters and marks only (spaces and signs left out, so <c>mật khẩu</c> is <c>mậtkhẩu</c>):
    /// a key containing one holds a secret, in any case (<c>ПАРОЛЬ</c>).
    /// </summary>
    public static readonly string[] ForeignFragments =
    [
        "パスワード", "暗証番号", "秘密", "合言葉", "トークン", "パスコード", "パスフレーズ", "認証情報", // Japanese (秘密鍵 too)
        "密码", "密碼", "口令", "密钥", "密鑰", "秘钥", "令牌",                                    // Chinese, simplified and traditional
        "비밀", "패스워드", "토큰",                                                                 // Korean (비밀번호, 비밀키)
        "пароль", "токен", "секрет",                                                               // Russian, Ukrainian
        "hasło", "şifre", "lösenord", "contraseña", "jelszó", "parolă", "mậtkhẩu",
        "पासवर्ड", "كلمةالمرور", "סיסמה", "סיסמא", "รหัสผ่าน",                     // Hindi, Arabic, Hebrew, Thai
    ];

    /// <summary>Beyond ASCII, as above: a key ending with one holds a secret (Korean 암호 is also the start of 암호화, encryption).</summary>
    public static readonly string[] ForeignEndings = ["암호"];

    /// <summary>
    /// Words the text rules' first look searches for in text beyond ASCII, as they are written with spaces
    /// (<c>mật khẩu</c>, <c>كلمة المرور</c>), any case.
    /// </summary>
    private static readonly SearchValues<string> ForeignTriggers = SearchValues.Create(
        [.. ForeignFragments.Where(word => !word.Contains("khẩu", StringComparison.Ordinal) && !word.StartsWith("كلمة", StringComparison.Ordinal)),
            .. ForeignEndings, "khẩu", "المرور", "şİfre"], // ŞİFRE: İ is no upper case of i to the search
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Pieces of the ASCII lists above for the text rules' first look, as written (<c>mot de passe</c> already holds
    /// <c>pass</c>); each starts with letters rare in CloudTrail text (<c>rasen</c>, not <c>contrasen</c>: <c>con</c> is
    /// everywhere), since a common start costs the multi-word search on every string.
    /// </summary>
    public static readonly string[] AsciiForeignTriggerWords =
    [
        "kennwort", "rasen", "clave", "wachtwoord", "enord", "adgangs", "salasana", "jelszo", "sandi", "laluan", "khau",
        "senha", "arola", "aslo", "eslo", "sifre",
    ];

    private static readonly SearchValues<string> AsciiForeign = SearchValues.Create(AsciiForeignFragments, StringComparison.Ordinal);

    /// <summary>Whether text beyond ASCII may hold a key word of another language (the first look; ASCII text holds none).</summary>
    public static bool MayHoldForeignWord(ReadOnlySpan<char> text) =>
        text.ContainsAnyExceptInRange('\0', '\x7f') && (text.IndexOfAny(ForeignTriggers) >= 0 || KanaFolding.HasFoldedForms(text));

    /// <summary>Whether a key's folded ASCII letters hold a key word of another language.</summary>
    private static bool IsAsciiForeignSecret(ReadOnlySpan<char> folded) =>
        folded.IndexOfAny(AsciiForeign) >= 0 || EndsWithAny(folded.TrimEnd("0123456789"), AsciiForeignEndings);

    /// <summary>
    /// Whether a decoded key holds a key word of another language beyond ASCII, in any case; kana read as the words are
    /// written (<see cref="KanaFolding"/>: <c>ﾊﾟｽﾜｰﾄﾞ</c> and a decomposed <c>パスワード</c> are <c>パスワード</c>).
    /// </summary>
    private static bool IsForeignSecret(ReadOnlySpan<char> decoded)
    {
        if (!decoded.ContainsAnyExceptInRange('\0', '\x7f'))
        {
            return false;
        }

        Span<char> letters = stackalloc char[decoded.Length];
        var length = 0;
        foreach (var written in decoded)
        {
            var c = KanaFolding.Widen(written);
            if (length > 0 && KanaFolding.Compose(letters[length - 1], c) is not '\0' and var composed)
            {
                letters[length - 1] = composed;
            }
            else if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                letters[length++] = c == '\u0130' ? 'i' : char.ToLowerInvariant(c); // Turkish İ (ŞİFRE) has no simple lower case of its own
            }
        }

        var key = letters[..length];
        foreach (var word in ForeignFragments)
        {
            if (key.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return EndsWithAny(key.TrimEnd("0123456789"), ForeignEndings);
    }
}
