using System.Text;
using CloudTrailNotifier.Rendering;
using FsCheck.Fluent;

namespace CloudTrailNotifier.Tests.Rendering;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("line\nbreak", "line\\nbreak")]
    [InlineData("cr\rlf\r\n", "cr\\rlf\\r\\n")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("esc\u001B[31mred", "esc\\u001B[31mred")]
    [InlineData("rtl\u202Eevil", "rtl\\u202Eevil")]
    [InlineData("zero\u200Bwidth", "zero\\u200Bwidth")]
    [InlineData("bom\uFEFF", "bom\\uFEFF")]
    [InlineData("line\u2028sep", "line\\u2028sep")]
    [InlineData("nel\u0085", "nel\\u0085")]
    [InlineData("日本語 ü 😀", "日本語 ü 😀")]
    [InlineData("tag\U000E0041", "tag\\U000E0041")]
    [InlineData("filler\u3164name", "filler\\u3164name")]
    [InlineData("selector\uFE0F", "selector\\uFE0F")]
    [InlineData("joiner\u034F", "joiner\\u034F")]
    [InlineData("Việt", "Việt")]
    [InlineData("e\u0301\u0302\u0303\u0304\u0305", "e\u0301\u0302\u0303\\u0304\\u0305")]
    [InlineData("two  spaces stay", "two  spaces stay")]
    [InlineData("Who               alice", "Who\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7\u00B7alice")]
    [InlineData("trailing   ", "trailing\u00B7\u00B7\u00B7")]
    [InlineData("日本語   \n   x", "日本語\u00B7\u00B7\u00B7\\n\u00B7\u00B7\u00B7x")]
    [InlineData("denied.\u2003\u2003Severity: low", "denied.\\u2003\\u2003Severity: low")]
    [InlineData("wide\u2002en \u205Fmath \u1680ogham", "wide\\u2002en \\u205Fmath \\u1680ogham")]
    [InlineData("株式会社\u3000東京 10\u00A0km 5\u202F%", "株式会社\u3000東京 10\u00A0km 5\u202F%")]
    [InlineData("run\u3000\u3000\u3000of ideographic, nbsp\u00A0 and", "run\\u3000\\u3000\\u3000of ideographic, nbsp\\u00A0 and")]
    public void Clean_escapes_what_could_break_or_hide_a_line(string input, string expected)
    {
        Assert.Equal(expected, SafeText.Clean(input, 100));
    }

    [Fact]
    public void Clean_replaces_an_unpaired_surrogate()
    {
        Assert.Equal("lone\uFFFD!", SafeText.Clean("lone\uD800!", 100));
        Assert.Equal("\uFFFDx", SafeText.Clean("\uDC00x", 100));
    }

    [Fact]
    public void Append_reports_how_much_was_left_out_and_never_splits_a_surrogate_pair()
    {
        var builder = new StringBuilder();

        var omitted = SafeText.Append(builder, "ab😀cd", 3);

        Assert.Equal("ab", builder.ToString());
        Assert.Equal(4, omitted);
    }

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public FsCheck.Property Append_writes_what_the_character_by_character_reference_writes() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Arb.From(SafeTextSamples.Texts()),
            FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.Choose(0, 400)),
            FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.Elements(true, false)),
            (text, maxChars, markSpaceRuns) =>
            {
                var ours = new StringBuilder("x");
                var reference = new StringBuilder("x");
                var omitted = SafeText.Append(ours, text, maxChars, markSpaceRuns);
                var expectedOmitted = SafeTextReference.Append(reference, text, maxChars, markSpaceRuns);
                return omitted == expectedOmitted && ours.ToString() == reference.ToString();
            });

    /// <summary>Clean's shortcut for values it returns as they are gives what the full escaping gives, cut with an ellipsis.</summary>
    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public FsCheck.Property Clean_gives_what_the_character_by_character_reference_gives() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.OneOf(SafeTextSamples.Texts(), Ascii())),
            FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.Choose(1, 400)),
            FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.Elements(true, false)),
            (text, maxChars, markSpaceRuns) => SafeText.Clean(text, maxChars, markSpaceRuns) == ReferenceClean(text, maxChars, markSpaceRuns));

    [Theory]
    [InlineData("arn:aws:iam::111111111111:role/x")]
    [InlineData("two  spaces")]
    [InlineData("   leading")]
    [InlineData("a b  c   d")]
    [InlineData("trailing  ")]
    [InlineData("space then\ttab")]
    [InlineData(" ")]
    [InlineData("x\u00A0y")]
    public void Clean_of_printable_ascii_gives_what_the_reference_gives(string text)
    {
        foreach (var markSpaceRuns in new[] { true, false })
        {
            foreach (var maxChars in new[] { 1, 3, text.Length, 100 })
            {
                Assert.Equal(ReferenceClean(text, maxChars, markSpaceRuns), SafeText.Clean(text, maxChars, markSpaceRuns));
            }
        }
    }

    /// <summary>Mostly printable ASCII with spaces in runs of every length, and now and then a character that is not.</summary>
    private static FsCheck.Gen<string> Ascii() =>
        FsCheck.Fluent.Gen.Choose(0, 80).SelectMany(n => FsCheck.Fluent.Gen.Frequency(
                (8, FsCheck.Fluent.Gen.Choose('!', '~').Select(c => ((char)c).ToString())),
                (3, FsCheck.Fluent.Gen.Choose(1, 5).Select(run => new string(' ', run))),
                (1, FsCheck.Fluent.Gen.Elements("\t", "\n", "\u007F", "\u00A0", "é", "\u202E")))
            .ListOf(n))
            .Select(parts => string.Concat(parts));

    private static string ReferenceClean(string text, int maxChars, bool markSpaceRuns)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        if (SafeTextReference.Append(builder, text, maxChars, markSpaceRuns) > 0)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    [Fact]
    public void Where_space_runs_are_kept_wide_spaces_are_kept_too()
    {
        // Subjects collapse spaces and attributes keep them: neither has lines for a wide space to fake.
        Assert.Equal("a\u2003\u2003b", SafeText.Clean("a\u2003\u2003b", 100, markSpaceRuns: false));
    }
}
