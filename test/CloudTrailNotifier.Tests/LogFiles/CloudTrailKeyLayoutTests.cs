using CloudTrailNotifier.LogFiles;

namespace CloudTrailNotifier.Tests.LogFiles;

public sealed class CloudTrailKeyLayoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", nameof(KeyLevel.AboveAwsLogs))]
    [InlineData("trail-prefix/", nameof(KeyLevel.AboveAwsLogs))]
    [InlineData("AWSLogs/", nameof(KeyLevel.AwsLogs))]
    [InlineData("trail-prefix/AWSLogs/", nameof(KeyLevel.AwsLogs))]
    [InlineData("AWSLogs/o-abc123/", nameof(KeyLevel.Organization))]
    [InlineData("AWSLogs/111111111111/", nameof(KeyLevel.Account))]
    [InlineData("AWSLogs/o-abc123/111111111111/", nameof(KeyLevel.Account))]
    [InlineData("AWSLogs/111111111111/CloudTrail/", nameof(KeyLevel.CloudTrail))]
    [InlineData("AWSLogs/o-abc123/111111111111/CloudTrail/eu-west-1/", nameof(KeyLevel.Region))]
    [InlineData("AWSLogs/111111111111/CloudTrail/us-east-1/", nameof(KeyLevel.Region))]
    [InlineData("AWSLogs/111111111111/CloudTrail/us-east-1/2026/", nameof(KeyLevel.Outside))]
    [InlineData("AWSLogs/111111111111/CloudTrail-Digest/", nameof(KeyLevel.Outside))]
    [InlineData("AWSLogs/1111/", nameof(KeyLevel.Outside))]
    [InlineData("AWSLogs/1111", nameof(KeyLevel.Outside))]
    public void Level_places_a_prefix_in_CloudTrails_key_layout(string prefix, string expected) =>
        Assert.Equal(Enum.Parse<KeyLevel>(expected), CloudTrailKeyLayout.Level(prefix));

    [Theory]
    [InlineData(nameof(KeyLevel.AwsLogs), "AWSLogs/111111111111/", true)]
    [InlineData(nameof(KeyLevel.AwsLogs), "AWSLogs/o-abc123/", true)]
    [InlineData(nameof(KeyLevel.AwsLogs), "AWSLogs/readme/", false)]
    [InlineData(nameof(KeyLevel.Organization), "AWSLogs/o-abc123/111111111111/", true)]
    [InlineData(nameof(KeyLevel.Account), "AWSLogs/111111111111/CloudTrail/", true)]
    [InlineData(nameof(KeyLevel.Account), "AWSLogs/111111111111/CloudTrail-Digest/", false)]
    [InlineData(nameof(KeyLevel.Account), "AWSLogs/111111111111/CloudTrail-Insight/", false)]
    [InlineData(nameof(KeyLevel.CloudTrail), "AWSLogs/111111111111/CloudTrail/ap-northeast-1/", true)]
    public void Follows_goes_only_into_the_folders_that_hold_CloudTrail_logs(string parent, string child, bool expected) =>
        Assert.Equal(expected, CloudTrailKeyLayout.Follows(Enum.Parse<KeyLevel>(parent), child));

    [Fact]
    public void DayFolders_names_the_days_of_the_window_and_the_day_after_it()
    {
        var window = Window("2026-11-30T22:00:00Z", "2026-12-01T01:00:00Z");

        var days = CloudTrailKeyLayout.DayFolders("R/", window, Now.AddDays(5));

        Assert.Equal(["R/2026/11/30/", "R/2026/12/01/", "R/2026/12/02/"], days);
    }

    [Fact]
    public void DayFolders_stops_at_today_for_a_window_open_at_the_end_and_gives_up_on_long_or_open_starts()
    {
        Assert.Equal(["R/2026/11/30/", "R/2026/12/01/"], CloudTrailKeyLayout.DayFolders("R/", Window("2026-11-30", null), Now));
        Assert.Null(CloudTrailKeyLayout.DayFolders("R/", Window(null, "2026-11-30"), Now));
        Assert.Null(CloudTrailKeyLayout.DayFolders("R/", Window("2026-01-01", "2026-11-30"), Now));
    }

    [Theory]
    [InlineData("R/2026/", true, 1)]
    [InlineData("R/2025/", false, 1)]
    [InlineData("R/2026/10/", false, 2)]
    [InlineData("R/2026/11/", true, 2)]
    [InlineData("R/2026/12/", true, 2)]
    [InlineData("R/2026/11/09/", false, 3)]
    [InlineData("R/2026/11/10/", true, 3)]
    [InlineData("R/2026/12/01/", true, 3)]
    [InlineData("R/2026/12/02/", false, 3)]
    [InlineData("R/2026/13/", false, 0)]
    [InlineData("R/notes/", false, 0)]
    public void DateFolderOverlaps_keeps_the_years_months_and_days_that_can_hold_events_of_the_window(string folder, bool expected, int depth)
    {
        var window = Window("2026-11-10", "2026-11-30");

        Assert.Equal(expected, CloudTrailKeyLayout.DateFolderOverlaps("R/", folder, window, Now.AddDays(30), out var found));
        Assert.Equal(depth, found);
    }

    private static TimeWindow Window(string? since, string? until) =>
        TimeWindow.TryParse(since, until, out var window, out var problem) ? window : throw new ArgumentException(problem);
}
