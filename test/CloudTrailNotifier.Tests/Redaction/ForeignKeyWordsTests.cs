using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Secret key names in other languages (security review 22, L7): as JSON keys (through the memo of key verdicts), as
/// names in name/value lists, and in text before <c>=</c>, <c>:</c> or a fullwidth <c>：</c>; in any case. Words that
/// also mean something harmless stay, and the first look never clears such a key or text.
/// </summary>
public sealed class ForeignKeyWordsTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private readonly JsonRedactor _redactor = new(Markers);

    public static TheoryData<string> SecretKeys() =>
    [
        "パスワード", "DB_パスワード", "管理者パスワード", "暗証番号", "秘密鍵", "合言葉", "アクセストークン", "パスフレーズ",
        "密码", "数据库密码", "密碼", "口令", "密钥", "密鑰",
        "비밀번호", "관리자 비밀번호", "DB암호",
        "пароль", "ПАРОЛЬ", "Пароль_БД", "токен",
        "Passwort", "DB_PASSWORT", "Kennwort", "mot de passe", "mot_de_passe", "MOT-DE-PASSE", "motdepasse",
        "contraseña", "CONTRASEÑA", "contrasena", "contrasenya", "clave_de_acceso", "senha", "minhaSenha", "palavra-passe",
        "parola", "parola d'ordine", "hasło", "HASŁO", "haslo", "wachtwoord", "lösenord", "LÖSENORD", "şifre", "ŞİFRE",
        "heslo", "jelszó", "salasana", "kata sandi", "mật khẩu", "पासवर्ड", "كلمة المرور", "סיסמה", "รหัสผ่าน",
    ];

    [Theory]
    [MemberData(nameof(SecretKeys))]
    public void A_key_word_of_another_language_is_secret_as_text_and_as_utf8_and_through_the_memo(string key)
    {
        var memo = new KeyVerdictMemo();
        var utf8 = Encoding.UTF8.GetBytes(key);

        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(key, insideSecret: false));
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(utf8, insideSecret: false));
        Assert.Equal(KeyVerdict.Secret, memo.Classify(utf8, insideSecret: false));
        Assert.True(memo.IsSecret(utf8)); // the second look, remembered
        var escaped = Encoding.UTF8.GetBytes(string.Concat(key.Select(c => $"\\u{(int)c:x4}")));
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(escaped, insideSecret: false));
    }

    [Theory]
    [MemberData(nameof(SecretKeys))]
    public void Its_value_is_hidden_as_a_json_key_a_pair_name_and_in_text_and_the_first_look_sees_it(string key)
    {
        foreach (var encoder in new[] { JavaScriptEncoder.UnsafeRelaxedJsonEscaping, JavaScriptEncoder.Default }) // as UTF-8, as \u escapes
        {
            AssertHidden(key, new JsonSerializerOptions { Encoder = encoder });
        }
    }

    private void AssertHidden(string key, JsonSerializerOptions options)
    {
        var json = new JsonObject
        {
            ["environment"] = new JsonObject { [key] = "Hunter2-a", ["stage"] = "prod" },
            ["pairs"] = new JsonArray(new JsonObject { ["name"] = key, ["value"] = "Hunter2-b" }),
            ["note"] = $"{key}=Hunter2-c",
            ["colon"] = $"ok {key}: Hunter2-d",
            ["wide"] = $"{key}：Hunter2-e",
            ["embedded"] = new JsonObject { [key] = "Hunter2-f" }.ToJsonString(options),
        }.ToJsonString(options);

        using var document = JsonDocument.Parse(json);
        var redacted = Encoding.UTF8.GetString(_redactor.Redact(document.RootElement) ?? Encoding.UTF8.GetBytes(json));

        Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
        Assert.Contains("\"stage\":\"prod\"", redacted, StringComparison.Ordinal);
        Assert.False(_redactor.FirstLookClears(document.RootElement), json);
    }

    [Theory]
    [InlineData("clave")]          // Spanish: any key (clave primaria), not a password
    [InlineData("parolaChiave")]   // Italian: keyword
    [InlineData("암호화방식")]        // Korean: encryption method
    [InlineData("暗号化")]           // Japanese: encryption
    [InlineData("ユーザー名")]         // Japanese: user name
    [InlineData("名前")]
    [InlineData("hasLoggedIn")]
    [InlineData("cacheSlot")]
    [InlineData("パスワードID")]       // an identifier, as passwordId
    [InlineData("описание")]
    public void Words_that_also_mean_something_harmless_stay(string key)
    {
        Assert.NotEqual(KeyVerdict.Secret, RedactionRules.Classify(key, insideSecret: false));
        Assert.Equal($"{key}=prod", TextRedactor.Redact($"{key}=prod", Markers));
    }

    [Fact]
    public void Text_beyond_ascii_without_a_key_word_is_left_as_it_is()
    {
        const string Text = "ユーザー: alice、説明: 本番環境のデータベース、Описание: база данных";
        Assert.Same(Text, TextRedactor.Redact(Text, Markers));
    }

    [Fact]
    public void Every_key_word_of_another_language_before_a_sign_holds_a_trigger_the_first_look_searches_for()
    {
        // The text rules and the first look pass text with no trigger at all: each word must bring one.
        var words = RedactionRules.AsciiForeignFragments.Concat(RedactionRules.AsciiForeignEndings)
            .Concat(RedactionRules.ForeignFragments).Concat(RedactionRules.ForeignEndings);
        foreach (var word in words)
        {
            foreach (var written in new[] { word, word.ToUpperInvariant() })
            {
                Assert.True(TextRedactor.MayContainSecret($"{written}=x") && TextRedactor.MayMatch($"{written}=x"), written);
                Assert.True(TextRedactor.MayContainSecret($"<{written}>x") && TextRedactor.MayMatch($"<{written}>x"), written);
            }
        }
    }

    [Fact]
    public void A_name_beyond_ascii_decodes_to_its_letters()
    {
        var buffer = new char[32];
        var length = KeyName.Decode("DB_パスワード"u8, buffer);
        Assert.Equal("DB_パスワード", new string(buffer, 0, length));
    }
}
