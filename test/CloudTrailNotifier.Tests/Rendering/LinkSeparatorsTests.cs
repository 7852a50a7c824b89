using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Rendering.Chat;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// Every character a browser reads as the dot, colon or slash of an address is one to the defanging. IDNA maps a host
/// name to its compatibility form (NFKC, with case folding) and takes U+3002 for a dot, so the characters are found by
/// asking Unicode (ICU) about every code point, never from a list kept by hand.
/// </summary>
public sealed class LinkSeparatorsTests
{
    /// <summary>What IDNA reads a code point as: its NFKC forms, with the ideographic full stop IDNA takes for a dot.</summary>
    private static string Mapped(int codePoint) => IcuUnicode.Instance.Compatibility(codePoint).Replace('\u3002', '.');

    private static readonly (int CodePoint, string Mapped)[] Separating =
        IcuUnicode.AllScalars().Select(cp => (cp, Mapped(cp))).Where(e => e.Item2.AsSpan().ContainsAny(".:/")).ToArray();

    public static TheoryData<int> Dots => Of('.');

    public static TheoryData<int> Colons => Of(':');

    public static TheoryData<int> Slashes => Of('/');

    private static TheoryData<int> Of(char separator) => [.. Separating.Where(e => e.Mapped.Contains(separator, StringComparison.Ordinal)).Select(e => e.CodePoint)];

    [Fact]
    public void The_tables_hold_exactly_the_code_points_whose_compatibility_form_holds_a_dot_colon_or_slash()
    {
        var wrong = new List<string>();
        foreach (var codePoint in IcuUnicode.AllScalars())
        {
            var mapped = Mapped(codePoint);
            var nfkc = mapped[..mapped.IndexOf(' ', StringComparison.Ordinal)];
            var dot = nfkc.IndexOf('.', StringComparison.Ordinal);
            var named = dot > 0 && char.IsLetterOrDigit(nfkc[dot - 1]);
            if (LinkSeparators.IsDot(codePoint) != mapped.Contains('.', StringComparison.Ordinal)
                || LinkSeparators.IsNamedDot(codePoint) != named
                || LinkSeparators.IsColon(codePoint) != mapped.Contains(':', StringComparison.Ordinal)
                || LinkSeparators.IsSlash(codePoint) != mapped.Contains('/', StringComparison.Ordinal))
            {
                wrong.Add($"U+{codePoint:X4} ({mapped})");
            }
        }

        Assert.True(wrong.Count == 0, "not as Unicode maps them: " + string.Join(", ", wrong));
        Assert.Contains(Separating, e => e.CodePoint == 0x1F100);
    }

    [Fact]
    public void The_search_values_find_the_first_unit_of_every_dot_and_colon_and_nothing_else_below_the_first_wide_one()
    {
        foreach (var (codePoint, mapped) in Separating.Where(e => e.Mapped.AsSpan().ContainsAny(".:")))
        {
            var first = char.ConvertFromUtf32(codePoint)[0];
            Assert.True(LinkSeparators.All.Contains(first), $"U+{codePoint:X4} ({mapped})");
            Assert.True(first < 0x80 || (first >= LinkSeparators.FirstWide && LinkSeparators.Wide.Contains(first)), $"U+{codePoint:X4}");
        }
    }

    [Theory]
    [MemberData(nameof(Dots))]
    public void A_dot_of_any_spelling_before_a_top_level_domain_is_defanged_in_email_chat_and_commands(int codePoint)
    {
        var dot = char.ConvertFromUtf32(codePoint);
        var value = "see evil" + dot + "com now";

        Assert.Equal("see evil[" + dot + "]com now", EmailText.Clean(value, 100));
        Assert.Equal("see evil[" + dot + "]com now", Defanged(value));
        Assert.Equal("`see evil[" + dot + "]com now`", ChatMarkdown.Code(value, 100));
        Assert.Equal("echo evil\"" + dot + "\"com", CommandText.Clean("echo evil" + dot + "com", 100));
        Assert.Equal("echo 'a evil'\"" + dot + "\"'com'", CommandText.Clean("echo 'a evil" + dot + "com'", 100));
        Assert.Equal("see evil" + dot + "json", EmailText.Clean("see evil" + dot + "json", 100));
    }

    [Theory]
    [MemberData(nameof(Colons))]
    public void A_colon_of_any_spelling_before_two_slashes_is_defanged_even_with_an_address_as_a_number(int codePoint)
    {
        var colon = char.ConvertFromUtf32(codePoint);
        var value = "go https" + colon + "//10.0.0.1/x";

        Assert.Equal("go https[" + colon + "]//10.0.0.1/x", EmailText.Clean(value, 100));
        Assert.Equal("go https[" + colon + "]//10.0.0.1/x", Defanged(value));
        Assert.Equal("`go https[" + colon + "]//10.0.0.1/x`", ChatMarkdown.Code(value, 100));
        Assert.Equal("curl https\"" + colon + "\"//10.0.0.1/x", CommandText.Clean("curl https" + colon + "//10.0.0.1/x", 100));
    }

    [Theory]
    [MemberData(nameof(Slashes))]
    public void Slashes_of_any_spelling_after_a_scheme_make_its_colon_defanged(int codePoint)
    {
        var slash = char.ConvertFromUtf32(codePoint);
        var value = "go xyz:" + slash + slash + "10.0.0.1";

        Assert.Equal("go xyz[:]" + slash + slash + "10.0.0.1", EmailText.Clean(value, 100));
        Assert.Equal("`go xyz[:]" + slash + slash + "10.0.0.1`", ChatMarkdown.Code(value, 100));
    }

    [Theory]
    [InlineData("\u2488com and 2\u2488com", "[\u2488]com and 2[\u2488]com")]
    [InlineData("\U0001F100com", "[\U0001F100]com")]
    [InlineData("evil\u33C2com", "evil[\u33C2]com")]
    [InlineData("Step \u2488 then \u2489 and a\u2025b \u2026 www\u2026", "Step \u2488 then \u2489 and a\u2025b \u2026 www[\u2026]")]
    [InlineData("\U0001F100 \U0001F389\u3002 \U0001F101com", "\U0001F100 \U0001F389\u3002 \U0001F101com")]
    public void A_dot_that_brings_its_own_name_needs_none_before_it_and_nothing_else_changes(string value, string expected)
    {
        Assert.Equal(expected, EmailText.Clean(value, 100));
        Assert.Equal(expected, Defanged(value));
        Assert.Equal("`" + expected + "`", ChatMarkdown.Code(value, 100));
    }

    [Theory]
    [InlineData("[Approve here](https:3640133122)", "[Approve here](https[:]3640133122)")]
    [InlineData("HTTPS:evil.example http:/x wss:\\\\x ftp:[::1] ws:x http:%65 https:\U0001D41Evil", "HTTPS[:]evil.example http[:]/x wss[:]\\\\x ftp[:][::1] ws[:]x http[:]%65 https[:]\U0001D41Evil")]
    [InlineData("https:\uFF0F\uFF0Fx", "https[:]\uFF0F\uFF0Fx")]
    [InlineData("xhttps:x https: x https: arn:aws:s3 s3:x mailto:x tel:1 protocol:https", "xhttps:x https: x https: arn:aws:s3 s3:x mailto:x tel:1 protocol:https")]
    public void A_web_scheme_without_slashes_is_defanged_as_browsers_read_it_as_an_address(string value, string expected)
    {
        Assert.Equal(expected, EmailText.Clean(value, 100));
        Assert.Equal("`" + expected + "`", ChatMarkdown.Code(value, 100));
    }

    [Fact]
    public void The_reviewed_lures_link_nowhere_in_any_output_of_either_language()
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "events", "secretsmanager-get-secret-value.json"));
        const string Lure = "A evil\uFF61com B evil\uFE12com C evil\u2024com D evil\uFE52com E login\u2488com F www\uFE52evil G https\uFE55//x "
            + "H [Approve here](https:3640133122) I \U0001F100com";
        var root = JsonNode.Parse(json)!;
        root["detail"]!["errorCode"] = "AccessDenied";
        root["detail"]!["errorMessage"] = Lure;
        root["detail"]!["userAgent"] = Lure;
        root["detail"]!["requestParameters"]!["secretId"] = "login\u2488com";
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString());

        var notifiers = EveryOutput.Notifiers();
        for (var language = 0; language < notifiers.Length; language++)
        {
            var notification = notifiers[language].Notify(bytes);
            var outputs = EveryOutput.Of(notification).Select(OutputStrings.Decoded).ToList();
            var body = notification.Message + OutputStrings.Decoded(notification.ChatCard!);
            // The English subject is folded to ASCII (⒈ becomes ?); the Japanese one keeps it, defanged.
            Assert.Contains(language == 0 ? " login?com " : " login[\u2488]com ", notification.Subject, StringComparison.Ordinal);
            foreach (var defanged in new[] { "evil[\uFF61]com", "evil[\uFE12]com", "evil[\u2024]com", "evil[\uFE52]com", "login[\u2488]com", "www[\uFE52]evil", "https[\uFE55]//x", "(https[:]3640133122)", "[\U0001F100]com" })
            {
                Assert.Contains(defanged, body, StringComparison.Ordinal);
            }

            foreach (var output in outputs)
            {
                foreach (var raw in new[] { "evil\uFF61com", "evil\uFE12com", "evil\u2024com", "evil\uFE52com", "login\u2488com", "www\uFE52evil", "https\uFE55//", "https:3640133122", "\U0001F100com" })
                {
                    Assert.DoesNotContain(raw, output, StringComparison.Ordinal);
                }
            }
        }
    }

    private static string Defanged(string value) => EmailText.Defanged(SafeText.Clean(value, 100));
}
