using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Tests.Events;

public sealed class TextCutTests
{
    [Theory]
    [InlineData("abcdef", 3, 3)]
    [InlineData("ab\U0001F600cd", 3, 2)]   // 3 would split the emoji's surrogate pair
    [InlineData("ab\U0001F600cd", 4, 4)]   // after the pair
    [InlineData("ab\U0001F600cd", 2, 2)]   // before the pair
    [InlineData("abc", 0, 0)]
    [InlineData("abc", 3, 3)]              // no cut at all
    public void A_cut_never_falls_inside_a_surrogate_pair(string text, int cut, int expected) =>
        Assert.Equal(expected, TextCut.Before(text, cut));

    [Fact]
    public void A_lone_high_surrogate_at_the_very_end_is_not_cut_away()
    {
        var text = "ab\uD83D";
        Assert.Equal(3, TextCut.Before(text, 3));
    }
}
