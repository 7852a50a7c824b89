using System.Globalization;
using CloudTrailNotifier.Rendering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>The UTC time written digit by digit reads exactly as the format it replaces.</summary>
public sealed class WhenPhraseTests
{
    [Property(MaxTest = 3000)]
    public Property Any_time_reads_as_the_custom_format_gives_it() =>
        Prop.ForAll(
            Arb.From(
                from day in Gen.Choose(0, (int)(DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay))
                from second in Gen.Choose(0, 86_399)
                from fraction in Gen.Choose(0, (int)TimeSpan.TicksPerSecond - 1)
                select new DateTimeOffset((day * TimeSpan.TicksPerDay) + (second * TimeSpan.TicksPerSecond) + fraction, TimeSpan.Zero)),
            time => WhenPhrase.Utc(time) == Formatted(time));

    [Theory]
    [InlineData("0001-01-01T00:00:00+00:00")]
    [InlineData("9999-12-31T23:59:59+00:00")]
    [InlineData("2024-02-29T09:05:07+00:00")]
    [InlineData("2024-03-01T08:30:00+09:00")]
    [InlineData("2023-12-31T20:00:00-05:00")]
    public void Edge_and_offset_times_read_in_utc_as_the_format_gives_them(string text)
    {
        var time = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

        Assert.Equal(Formatted(time), WhenPhrase.Utc(time));
    }

    private static string Formatted(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
