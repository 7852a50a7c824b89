using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Security review, T6: a secret key word written in halfwidth katakana (<c>ﾊﾟｽﾜｰﾄﾞ</c>), decomposed (<c>パスワード</c>
/// with combining U+3099/U+309A, or spacing ゛ ゜), or in fullwidth Latin letters (<c>ｐａｓｓｗｏｒｄ</c>) is the same
/// key word: as a JSON key, a pair's name, in text and in JSON held in a string, through the first look, in every output
/// of both languages and the text of a damaged event. Kana words that are not key words stay.
/// </summary>
public sealed class KanaAndWideKeyWordsTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private readonly JsonRedactor _redactor = new(Markers);

    public static TheoryData<string> SecretKeys() =>
    [
        "ﾊﾟｽﾜｰﾄﾞ", "DB_ﾊﾟｽﾜｰﾄﾞ", "ﾄｰｸﾝ", "ｱｸｾｽﾄｰｸﾝ", "ﾊﾟｽｺｰﾄﾞ", "ﾊﾟｽﾌﾚｰｽﾞ",
        "ハ\u309Aスワート\u3099",           // NFD: combining marks
        "管理者ハ\u309Aスワート\u3099",
        "ハ゜スワート゛",                    // spacing marks
        "ﾊﾟｽﾜｰト\u3099",                   // halfwidth and decomposed in one word
        "ハ\u309Aスコート\u3099", "トークン", "ｐａｓｓｗｏｒｄ", "ＰＡＳＳＷＯＲＤ", "ＤＢ＿ＰＡＳＳＷＯＲＤ", "ｓｅｃｒｅｔ", "ａｐｉ＿ｋｅｙ",
    ];

    [Theory]
    [MemberData(nameof(SecretKeys))]
    public void The_key_word_is_secret_as_text_as_utf8_escaped_and_through_the_memo(string key)
    {
        var memo = new KeyVerdictMemo();
        var utf8 = Encoding.UTF8.GetBytes(key);

        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(key, insideSecret: false));
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(utf8, insideSecret: false));
        Assert.Equal(KeyVerdict.Secret, memo.Classify(utf8, insideSecret: false));
        var escaped = Encoding.UTF8.GetBytes(string.Concat(key.Select(c => $"\\u{(int)c:x4}")));
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(escaped, insideSecret: false));
    }

    [Theory]
    [MemberData(nameof(SecretKeys))]
    public void Its_value_is_hidden_as_a_json_key_a_pair_name_and_in_text_and_the_first_look_sees_it(string key)
    {
        foreach (var encoder in new[] { JavaScriptEncoder.UnsafeRelaxedJsonEscaping, JavaScriptEncoder.Default })
        {
            var options = new JsonSerializerOptions { Encoder = encoder };
            var json = new JsonObject
            {
                ["environment"] = new JsonObject { [key] = "Hunter2-a", ["stage"] = "prod" },
                ["pairs"] = new JsonArray(new JsonObject { ["name"] = key, ["value"] = "Hunter2-b" }),
                ["note"] = $"{key}=Hunter2-c",
                ["colon"] = $"ok {key}: Hunter2-d",
                ["wide"] = $"{key}：Hunter2-e",
                ["embedded"] = new JsonObject { [key] = "Hunter2-f" }.ToJsonString(options),
                ["spaced"] = $"{key} Hunter2g9",
            }.ToJsonString(options);

            using var document = JsonDocument.Parse(json);
            var redacted = Encoding.UTF8.GetString(_redactor.Redact(document.RootElement) ?? Encoding.UTF8.GetBytes(json));

            Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
            Assert.Contains("\"stage\":\"prod\"", redacted, StringComparison.Ordinal);
            Assert.False(_redactor.FirstLookClears(document.RootElement), json);
        }
    }

    [Theory]
    [InlineData("\\uFF8A\\uFF9F\\uFF7D\\uFF9C\\uFF70\\uFF84\\uFF9E\\uFF1AHunter2", "\\uFF8A\\uFF9F\\uFF7D\\uFF9C\\uFF70\\uFF84\\uFF9E\\uFF1A[redacted: 7]")]
    [InlineData("\\u30d1\\u30b9\\u30ef\\u30fc\\u30c9\\uff1a Hunter2", "\\u30d1\\u30b9\\u30ef\\u30fc\\u30c9\\uff1a [redacted: 7]")]
    [InlineData("{\\\"name\\\":\\\"DB_\\u30d1\\u30b9\\u30ef\\u30fc\\u30c9\\\",\\\"value\\\":\\\"Hunter2\\\"}", "{\\\"name\\\":\\\"DB_\\u30d1\\u30b9\\u30ef\\u30fc\\u30c9\\\",\\\"value\\\":\\\"[redacted: 7]\\\"}")]
    public void In_json_text_with_every_character_beyond_ascii_escaped_the_key_word_and_its_wide_colon_are_read(string text, string redacted) =>
        Assert.Equal(redacted, TextRedactor.Redact(text, Markers));

    [Theory]
    [InlineData("ﾕｰｻﾞｰ名")]     // user name
    [InlineData("ﾊﾞｽ")]         // bus: a voiced kana, no key word
    [InlineData("ﾃﾞｰﾀﾍﾞｰｽ")]    // database
    [InlineData("ハ\u3099ス")]
    [InlineData("ﾊﾟｽﾜｰﾄﾞID")]  // an identifier, as passwordId
    public void Kana_words_that_are_no_key_words_stay(string key)
    {
        Assert.NotEqual(KeyVerdict.Secret, RedactionRules.Classify(key, insideSecret: false));
        Assert.Equal($"{key}=prod", TextRedactor.Redact($"{key}=prod", Markers));
    }

    [Theory]
    [InlineData('ｶ', '\uFF9E', 'ガ')]
    [InlineData('ﾎ', '\uFF9F', 'ポ')]
    [InlineData('ｳ', '\uFF9E', 'ヴ')]
    [InlineData('は', '\u309A', 'ぱ')]
    [InlineData('ト', '\u309B', 'ド')]
    public void A_kana_and_its_sound_mark_make_the_composed_kana(char kana, char mark, char composed) =>
        Assert.Equal(composed, KanaFolding.Compose(KanaFolding.Widen(kana), KanaFolding.Widen(mark)));

    [Fact]
    public void A_sound_mark_after_a_kana_that_takes_none_makes_nothing()
    {
        Assert.Equal('\0', KanaFolding.Compose('ア', '\u3099'));
        Assert.Equal('\0', KanaFolding.Compose('カ', '\u309A'));
        Assert.Equal('ー', KanaFolding.Widen('ｰ'));
        Assert.Equal('ヲ', KanaFolding.Widen('ｦ'));
        Assert.Equal('ン', KanaFolding.Widen('ﾝ'));
    }

    [Fact]
    public void No_value_under_such_a_key_reaches_any_output_in_either_language_nor_the_text_of_a_damaged_event()
    {
        var bytes = TestEvents.SeedWith(detail =>
        {
            detail["requestParameters"] = new JsonObject
            {
                ["secretId"] = "prod/db",
                ["ﾊﾟｽﾜｰﾄﾞ"] = "Hunter2-halfwidth",
                ["ハ\u309Aスワート\u3099"] = "Hunter2-decomposed",
                ["ｐａｓｓｗｏｒｄ"] = "Hunter2-fullwidth",
                ["environment"] = new JsonArray(new JsonObject { ["name"] = "DB_ﾊﾟｽﾜｰﾄﾞ", ["value"] = "Hunter2-pair" }),
                ["note"] = "ﾄｰｸﾝ=Hunter2-text ﾊﾟｽﾜｰﾄﾞ：Hunter2-wide ＰＡＳＳＷＯＲＤ Hunter2spaced9",
            };
            detail["errorCode"] = "ValidationException";
            detail["errorMessage"] = "ハ\u309Aスワート\u3099: Hunter2-error";
        });
        foreach (var notifier in EveryOutput.Notifiers())
        {
            foreach (var notification in new[] { notifier.Notify(bytes), notifier.Notify(bytes[..^1]) })
            {
                foreach (var output in EveryOutput.Of(notification).SelectMany(o => new[] { o, OutputStrings.Decoded(o) }))
                {
                    Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
                }
            }
        }

        var english = EveryOutput.Notifiers()[0].Notify(bytes).Message;
        Assert.Contains("ﾊﾟｽﾜｰﾄﾞ: [redacted: 17 characters]", english, StringComparison.Ordinal);
        Assert.Contains("secretId: prod/db", english, StringComparison.Ordinal);
    }
}
