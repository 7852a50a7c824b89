using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// An event from a named account of the organization (<c>--account-names</c>), rendered as a recipient sees it:
/// the names stand beside the ids in the subject, the summary and the identity details, in both languages.
/// </summary>
public sealed class AccountNamesGoldenTests
{
    private const string Sample = "sts-assume-role-cross-account";
    private const string Names = "111111111111=prod,222222222222=staging";

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Event_from_a_named_account_renders_as_approved(string language)
    {
        var path = Path.Combine(TestPaths.EventsDirectory, Sample + ".json");
        var text = CliRunner.Run("render", path, "--language", language, "--time-zone", "Asia/Tokyo", "--account-names", Names);
        var json = CliRunner.Run("render", path, "--language", language, "--time-zone", "Asia/Tokyo", "--account-names", Names,
            "--output", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(string.Empty, text.Stderr);
        Golden.Verify($"{Sample}.account-names.{language}", text.Stdout + "\n----- publish request (--output json) -----\n" + json.Stdout);
    }

    [Fact]
    public void A_bad_account_names_flag_is_one_line_naming_the_flag()
    {
        var path = Path.Combine(TestPaths.EventsDirectory, Sample + ".json");
        var result = CliRunner.Run("render", path, "--account-names", "11111111111=prod");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(
            "error: --account-names: '11111111111=prod' does not start with a 12-digit account id followed by '='; use 111111111111=prod,222222222222=staging\n",
            result.Stderr);
    }
}
