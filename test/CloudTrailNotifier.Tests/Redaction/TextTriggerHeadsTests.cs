using System.Text;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The first look passes ASCII strings in which no three bytes start a trigger word or a token prefix (a table look-up a
/// byte) without the multi-word searches: it may do so only where those searches find nothing. Checked on generated text
/// made of the words, their pieces and their case forms, and on every ASCII string of the corpus.
/// </summary>
public sealed class TextTriggerHeadsTests
{
    /// <summary>Every word the trigger searches and the token search look for, from the lists they are made of.</summary>
    private static readonly string[] Words =
    [
        "pass", "secret", "token", "credential", "private", "material", "auth", "challenge", "cookie", RedactionRules.PemBegin,
        .. RedactionRules.SessionTokenPrefixes, .. RedactionRules.SecretFragments, RedactionRules.SecureStringType,
        TextShapes.JwtStart, TextShapes.Bearer, TextShapes.SchemeSeparator, .. TextKeys.TriggerWords, TextEchoes.Marker,
        TextSql.Identified, .. TextArguments.Commands, .. RedactionRules.TextTriggerWords, .. RedactionRules.AsciiForeignTriggerWords,
        .. RedactionRules.EncryptionTriggerWords, .. TextTokens.Prefixes,
    ];

    /// <summary>Text as CloudTrail strings are, around the words.</summary>
    private static readonly string[] Plain =
    [
        "arn:aws:iam::123456789012:role/x", "2024-01-01T00:00:00Z", "us-east-1", " ", ":", "=", "-", "_", ".", "/", "@", "`", "[", "{",
        "'", "\"", "\t", "abc", "Deploy", "ec2.amazonaws.com", "12345678", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghij",
    ];

    private static Gen<string> Piece() =>
        Gen.Frequency(
            (3, Gen.Elements(Plain)),
            (2, Gen.Elements(Words)),
            (2, from word in Gen.Elements(Words) from cut in Gen.Choose(0, word.Length) from tail in Gen.Elements(true, false)
                select tail ? word[cut..] : word[..cut]),
            (1, Gen.Choose(0x20, 0x7e).Select(c => ((char)c).ToString())));

    /// <summary>ASCII text of pieces, each letter in either case.</summary>
    public static Arbitrary<string> Texts() =>
        (from count in Gen.Choose(0, 8)
         from pieces in Piece().ArrayOf(count)
         let text = string.Concat(pieces)
         from upper in Gen.Elements(true, false).ArrayOf(text.Length)
         select string.Concat(text.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)))).ToArbitrary();

    [Property(Arbitrary = [typeof(TextTriggerHeadsTests)], MaxTest = 5000)]
    public void Ascii_text_passed_by_the_table_holds_no_trigger_word_and_no_token_prefix(string text)
    {
        AssertPassedOnlyWithoutWords(text);
    }

    [Fact]
    public void Generated_text_is_both_passed_and_held_back_often_enough_to_test_the_table()
    {
        var samples = Gen.Sample(Texts().Generator, 3_000, 40);
        var passed = samples.Count(text => !TextTriggers.MayHoldWordAscii(Encoding.ASCII.GetBytes(text)));
        var words = samples.Count(text => TextTriggers.ContainsWord(text));
        Assert.True(passed is > 300 and < 2_700 && words > 300, $"{passed} passed, {words} with a word, of {samples.Length}");
    }

    [Fact]
    public void Every_word_in_any_case_and_anywhere_is_held_back()
    {
        foreach (var word in Words)
        {
            foreach (var form in new[] { word, word.ToUpperInvariant(), word.ToLowerInvariant() })
            {
                foreach (var text in new[] { form, "x" + form, "arn:aws:" + form + ":1", form + "-2024" })
                {
                    Assert.True(TextTriggers.MayHoldWordAscii(Encoding.ASCII.GetBytes(text)), text);
                }
            }
        }
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/Alice")]
    [InlineData("2016-01-07T02:04:30Z")]
    [InlineData("us-east-1")]
    [InlineData("AWS Internal")]
    public void Common_strings_without_a_word_are_passed_by_the_table(string text)
    {
        Assert.False(TextTriggers.MayHoldWordAscii(Encoding.ASCII.GetBytes(text)), text);
    }

    [Fact]
    public void Every_ascii_string_of_the_corpus_is_passed_by_the_table_only_without_words()
    {
        var strings = Corpus.StringsAndKeys();

        var ascii = strings.Where(text => Ascii.IsValid(text)).ToList();
        Assert.True(ascii.Count > 2_000, $"only {ascii.Count} strings");
        foreach (var text in ascii)
        {
            AssertPassedOnlyWithoutWords(text);
        }
    }

    private static void AssertPassedOnlyWithoutWords(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        if (!TextTriggers.MayHoldWordAscii(bytes))
        {
            Assert.False(TextTriggers.ContainsWord(text), text);
            Assert.False(TextTokens.MayHoldAscii(bytes), text);
            Assert.False(TextTokens.MayHold(text), text);
        }
    }
}
