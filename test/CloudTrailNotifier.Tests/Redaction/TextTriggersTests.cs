using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The trigger search finds the first place a text rule could start: a word (any case) or a <c>\u</c> escape, which
/// is searched for apart from the words (see <see cref="TextTriggers"/>) and must still be found first when it comes first.
/// </summary>
public sealed class TextTriggersTests
{
    [Theory]
    [InlineData("plain words, an ARN arn:aws:iam::123456789012:role/x", -1)]
    [InlineData("PassRole", 0)]
    [InlineData("x\\u0070ass", 1)]
    [InlineData("ab\\Ucd pass", 2)]
    [InlineData("pass then \\u0041", 0)]
    [InlineData("the keymaterial", 7)]
    [InlineData("see https://example", 9)]
    [InlineData("a \\U then \\u", 2)]
    [InlineData("a \\u then \\U", 2)]
    [InlineData("jwt eyJhbGciOi", 4)]
    public void The_first_trigger_is_found_words_and_escapes_alike(string text, int expected)
    {
        Assert.Equal(expected, TextTriggers.IndexOf(text));
        Assert.Equal(expected >= 0, TextRedactor.MayContainSecret(text));
    }

    [Fact]
    public void A_longer_word_is_still_found_through_the_shorter_word_in_it()
    {
        foreach (var fragment in RedactionRules.SecretFragments)
        {
            var at = TextTriggers.IndexOf("{" + fragment.ToUpperInvariant() + "}");
            Assert.InRange(at, 1, fragment.Length);
        }
    }
}
