using System.Globalization;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

public sealed class EventTimesTests
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    [Theory]
    [InlineData("2024-05-01T12:34:56Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-04-31T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-00-01T00:00:00Z")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("2024-05-01T23:60:00Z")]
    [InlineData("2024-05-01T23:59:60Z")]
    [InlineData("0000-05-01T12:34:56Z")]
    [InlineData("2024-05-01t12:34:56z")]
    [InlineData("2024-05-01 12:34:56Z")]
    [InlineData("2024-05-01T12:34:56.789Z")]
    [InlineData("2024-05-01T12:34:56+09:00")]
    [InlineData("2024-05-01T12:34:5xZ")]
    [InlineData("２０２４-05-01T12:34:56Z")]
    [InlineData(" 2024-05-01T12:34:56Z")]
    public void CloudTrails_own_form_parses_exactly_as_the_general_parse_does(string text) =>
        AssertAsGeneralParse(text);

    [Fact]
    public void Every_corpus_event_time_parses_exactly_as_the_general_parse_does()
    {
        var times = Corpus.DetailStrings("eventTime");
        Assert.NotEmpty(times);
        foreach (var (_, text) in times)
        {
            AssertAsGeneralParse(text);
        }
    }

    [Fact]
    public void The_basic_form_and_epoch_numbers_still_parse()
    {
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 34, 56, TimeSpan.Zero), EventTimes.Parse("20240501T123456Z"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), EventTimes.Parse("1700000000"));
    }

    private static void AssertAsGeneralParse(string text)
    {
        DateTimeOffset? expected = DateTimeOffset.TryParseExact(text, ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss"], CultureInfo.InvariantCulture, Styles, out var basic)
            ? basic
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var parsed) ? parsed : null;

        var actual = EventTimes.Parse(text);

        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e)
        {
            Assert.True(e.EqualsExact(actual!.Value), $"{text}: {e:O} != {actual:O}");
        }
    }
}
