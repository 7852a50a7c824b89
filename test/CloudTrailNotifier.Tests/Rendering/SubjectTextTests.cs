using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Rendering;

public sealed class SubjectTextTests
{
    [Fact]
    public void A_line_break_in_a_value_cannot_start_a_new_subject_line()
    {
        var piece = SubjectText.Piece("admin\r\nBcc: victim@example.com", ascii: true, maxChars: 60);

        Assert.DoesNotContain('\n', piece);
        Assert.DoesNotContain('\r', piece);
        Assert.Equal("admin\\r\\nBcc: victim@example[.]com", piece);
    }

    [Fact]
    public void Invisible_and_reordering_characters_show_as_escapes()
    {
        var piece = SubjectText.Piece("role\u202Etxt.exe\u200B", ascii: false, maxChars: 60);

        Assert.Equal("role\\u202Etxt.exe\\u200B", piece);
    }

    [Theory]
    [InlineData("Müller", "Muller")]
    [InlineData("Straße", "Strasse")]
    [InlineData("Ærø", "AEro")]
    [InlineData("“quoted” – dash", "\"quoted\" - dash")]
    [InlineData("日本語のロール", "?")]
    [InlineData("a日本b", "a?b")]
    public void Ascii_subjects_fold_accents_and_mark_what_has_no_ascii_form(string value, string expected) =>
        Assert.Equal(expected, SubjectText.Piece(value, ascii: true, maxChars: 60));

    [Fact]
    public void Without_ascii_the_text_keeps_its_letters()
    {
        Assert.Equal("日本語のロール", SubjectText.Piece("日本語のロール", ascii: false, maxChars: 60));
    }

    [Fact]
    public void Runs_of_spaces_collapse_and_the_end_is_trimmed()
    {
        Assert.Equal("a b c", SubjectText.Piece("  a   b c   ", ascii: true, maxChars: 60));
    }

    [Theory]
    [InlineData(true, "abcdefg...")]
    [InlineData(false, "abcdefghi…")]
    public void A_long_value_is_cut_to_its_budget_with_a_mark(bool ascii, string expected)
    {
        var piece = SubjectText.Piece("abcdefghijklmnopqrstuvwxyz", ascii, maxChars: 10);

        Assert.Equal(expected, piece);
        Assert.Equal(10, piece.Length);
    }

    [Fact]
    public void A_cut_never_leaves_half_a_surrogate_pair()
    {
        // "abcdefgh" + emoji: keeping 9 characters would end in the emoji's high surrogate.
        var shortened = SubjectText.Shorten("abcdefgh\U0001F600\U0001F600", maxChars: 10, ascii: false);

        Assert.Equal("abcdefgh…", shortened);
        Assert.False(char.IsHighSurrogate(shortened[^2]));
    }

    [Fact]
    public void A_hostile_value_far_over_the_budget_still_fits()
    {
        var piece = SubjectText.Piece(new string('\n', 10_000), ascii: true, maxChars: SubjectText.MaxLength);

        Assert.True(piece.Length <= SubjectText.MaxLength);
        Assert.DoesNotContain('\n', piece);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Nothing_gives_nothing(string? value) =>
        Assert.Equal(string.Empty, SubjectText.Piece(value, ascii: true, maxChars: 10));

    [Theory]
    [InlineData("httpś://evil.cóm/login", "https[:]//evil[.]com/login")]
    [InlineData("evil.c\u0301om", "evil[.]com")]
    [InlineData("ｗｗｗ.x https\u0301://y", "?.x https[:]//y")]
    public void Folding_to_ascii_cannot_make_an_address_that_links(string value, string expected) =>
        Assert.Equal(expected, SubjectText.Piece(value, ascii: true, maxChars: 60));

    [Theory]
    [InlineData("see evil.comz", 11)]
    [InlineData("see evil.comz", 12)]
    [InlineData("x evil.co.uk.example", 14)]
    public void A_cut_cannot_leave_a_name_that_links(string value, int max)
    {
        var shown = SubjectText.Shorten(value, max, ascii: true);

        Assert.True(shown.Length <= max, shown);
        Assert.False(EmailText.MayLink(shown), shown);
        Assert.EndsWith("...", shown, StringComparison.Ordinal);
    }
}
