using System.Text.Json;
using CloudTrailNotifier.LogFiles;

namespace CloudTrailNotifier.Tests.LogFiles;

public sealed class TimeWindowTests
{
    [Fact]
    public void A_date_alone_is_a_whole_day_and_a_date_time_is_exact()
    {
        Assert.True(TimeWindow.TryParse("2026-11-29", "2026-11-29", out var day, out _));
        Assert.True(day.Contains(At("2026-11-29T00:00:00Z")));
        Assert.True(day.Contains(At("2026-11-29T23:59:59Z")));
        Assert.False(day.Contains(At("2026-11-30T00:00:00Z")));
        Assert.False(day.Contains(At("2026-11-28T23:59:59Z")));

        Assert.True(TimeWindow.TryParse("2026-11-29T09:00:00+09:00", "2026-11-29T01:00", out var exact, out _));
        Assert.Equal(At("2026-11-29T00:00:00Z"), exact.Since);
        Assert.False(exact.Contains(At("2026-11-29T01:00:00Z")));
    }

    [Theory]
    [InlineData("yesterday", null, "--since: not an ISO 8601 date")]
    [InlineData(null, "2026-13-01", "--until: not an ISO 8601 date")]
    [InlineData("2026-11-30", "2026-11-29", "--since must be earlier than --until")]
    public void Unusable_bounds_say_which_flag_is_wrong(string? since, string? until, string expected)
    {
        Assert.False(TimeWindow.TryParse(since, until, out _, out var problem));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"eventTime":"2026-11-29T10:00:00Z"}""", true)]
    [InlineData("""{"eventTime":"2026-11-28T10:00:00Z"}""", false)]
    [InlineData("""{"time":"2026-11-28T10:00:00Z","detail":{"eventName":"X","eventTime":"2026-11-29T10:00:00Z"}}""", true)]
    [InlineData("""{"eventName":"X"}""", null)]
    public void Contains_reads_the_records_eventTime(string json, bool? expected)
    {
        Assert.True(TimeWindow.TryParse("2026-11-29", null, out var window, out _));
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, window.Contains(document.RootElement));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
