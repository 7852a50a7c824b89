using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// SafeText held to Unicode (ICU's data) for every code point: what Unicode says must render as nothing (the
/// default-ignorable code points, assigned or not) and the noncharacters are escaped; letters, marks, digits,
/// punctuation, symbols and emoji of every script are left as they are.
/// </summary>
public sealed class SafeTextUnicodeTests
{
    /// <summary>The Braille blank is neither default-ignorable nor a format character, yet shows nothing: escaped on purpose.</summary>
    private const int BrailleBlank = 0x2800;

    [Fact]
    public void Every_default_ignorable_code_point_and_every_noncharacter_is_escaped()
    {
        var raw = new List<string>();
        foreach (var codePoint in IcuUnicode.AllScalars())
        {
            if (!IcuUnicode.Instance.Has(codePoint, IcuUnicode.DefaultIgnorable) && !IcuUnicode.Instance.Has(codePoint, IcuUnicode.Noncharacter))
            {
                continue;
            }

            var shown = SafeText.Clean("x" + char.ConvertFromUtf32(codePoint) + "y", 100);
            if (!SafeText.IsUnsafe(codePoint) || shown != "x" + Escape(codePoint) + "y")
            {
                raw.Add($"U+{codePoint:X4}");
            }
        }

        Assert.True(raw.Count == 0, $"{raw.Count} shown raw: " + string.Join(", ", raw.Take(200)));
    }

    [Fact]
    public void Unassigned_code_points_are_escaped_and_assigned_visible_ones_of_every_script_are_not()
    {
        var wrong = new List<string>();
        foreach (var codePoint in IcuUnicode.AllScalars())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
            var visible = category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned)
                && !IcuUnicode.Instance.Has(codePoint, IcuUnicode.DefaultIgnorable) && codePoint != BrailleBlank;
            var expected = category == UnicodeCategory.OtherNotAssigned || (!visible && codePoint >= 0x80);
            if (codePoint >= 0x80 && SafeText.IsUnsafe(codePoint) != expected)
            {
                wrong.Add($"U+{codePoint:X4} ({category})");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong: " + string.Join(", ", wrong.Take(200)));
    }

    [Theory]
    [InlineData("東京リージョンの本番データベース、カタカナ・ひらがな・漢字。")]
    [InlineData("emoji 😀 👍🏽 🇯🇵 🎉 ❤️‍🔥 family 👨‍👩‍👧")]
    [InlineData("Ελληνικά Русский العربية עברית हिन्दी ไทย 한국어 ქართული Ꭰ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀")]
    public void Ordinary_text_of_every_script_stays_as_it_is_but_for_what_was_escaped_before(string text)
    {
        // Joiners and variation selectors were escaped before unassigned code points were: nothing else changes.
        var expected = text.Replace("\u200D", "\\u200D", StringComparison.Ordinal).Replace("\uFE0F", "\\uFE0F", StringComparison.Ordinal);
        Assert.Equal(expected, SafeText.Clean(text, 1000));
    }

    [Fact]
    public void The_reviewed_hidden_characters_show_escaped_in_every_output_of_either_language()
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, "secretsmanager-get-secret-value.json"));
        const string Hidden = "A x\u2065y B x\uFFF0y C x\U000E0080y D x\U000E01F0y E x\uFFFFy F x\uFFFEy G x\uFDD0y H x\U000EFFFFy I x\U0001FFFEy";
        var root = JsonNode.Parse(json)!;
        root["detail"]!["errorCode"] = "AccessDenied";
        root["detail"]!["errorMessage"] = Hidden;
        root["detail"]!["requestParameters"]!["secretId"] = "prod/db\uFFFF\u2065";
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString());

        foreach (var notifier in EveryOutput.Notifiers())
        {
            var notification = notifier.Notify(bytes);
            Assert.Contains(@"A x\u2065y B x\uFFF0y C x\U000E0080y D x\U000E01F0y E x\uFFFFy F x\uFFFEy G x\uFDD0y H x\U000EFFFFy I x\U0001FFFEy", notification.Message, StringComparison.Ordinal);
            Assert.Contains(@"prod/db\uFFFF\u2065", notification.Subject, StringComparison.Ordinal);
            Assert.Contains(@"x\U000E0080y", OutputStrings.Decoded(notification.ChatCard!), StringComparison.Ordinal);
            foreach (var output in EveryOutput.Of(notification))
            {
                foreach (var hidden in new[] { "\u2065", "\uFFF0", "\U000E0080", "\U000E01F0", "\uFFFF", "\uFFFE", "\uFDD0", "\U000EFFFF", "\U0001FFFE" })
                {
                    Assert.DoesNotContain(hidden, OutputStrings.Decoded(output), StringComparison.Ordinal);
                }
            }
        }
    }

    private static string Escape(int codePoint) =>
        codePoint <= 0xFFFF ? $"\\u{codePoint:X4}" : $"\\U{codePoint:X8}";
}
