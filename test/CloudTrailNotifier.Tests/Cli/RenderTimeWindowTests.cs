using CloudTrailNotifier.Cli;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Cli;

/// <summary>--since/--until on local input: only events whose eventTime is in the window are rendered.</summary>
public sealed class RenderTimeWindowTests
{
    private const string Lines = """
        {"eventName":"Early","eventSource":"iam.amazonaws.com","eventID":"ev-early","eventTime":"2026-11-28T23:59:59Z"}
        {"eventName":"Inside","eventSource":"iam.amazonaws.com","eventID":"ev-inside","eventTime":"2026-11-29T12:00:00Z"}
        {"eventName":"Late","eventSource":"iam.amazonaws.com","eventID":"ev-late","eventTime":"2026-11-30T00:00:00Z"}

        """;

    [Fact]
    public void Only_events_in_the_window_are_rendered()
    {
        var result = CliRunner.RunWithInput(Lines, "render", "-", "--since", "2026-11-29", "--until", "2026-11-29", "--output", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Stderr);
        Assert.Equal(string.Empty, result.Stderr);
        var id = Assert.Single(EndToEnd.Cli.S3InputTests.EventIds(result.Stdout));
        Assert.Equal("ev-inside", id);
    }

    [Fact]
    public void An_event_without_a_readable_time_is_not_rendered_and_a_warning_says_so()
    {
        var input = Lines + """{"eventName":"Untimed","eventSource":"iam.amazonaws.com","eventID":"ev-untimed"}""" + "\n";

        var result = CliRunner.RunWithInput(input, "render", "-", "--since", "2026-11-29T12:00:00Z", "--output", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["ev-inside", "ev-late"], EndToEnd.Cli.S3InputTests.EventIds(result.Stdout));
        Assert.Equal("warning: 1 event has no readable eventTime and was not rendered (--since/--until)\n", result.Stderr);
    }

    [Theory]
    [InlineData("--since", "last week", "error: --since: not an ISO 8601 date or date-time (UTC): 'last week'")]
    [InlineData("--until", "2026-02-30", "error: --until: not an ISO 8601 date or date-time (UTC): '2026-02-30'")]
    public void An_unusable_bound_is_one_line_and_exit_2(string flag, string value, string expected)
    {
        var result = CliRunner.RunWithInput(Lines, "render", "-", flag, value);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
