namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// No rule of template.yaml (any mode) or forwarder.yaml delivers an event whose <c>source</c> does not start with
/// <c>aws.</c>: anyone with events:PutEvents could send a CloudTrail-shaped event under any other source
/// (test/deployment/check_sources.py, moto's EventBridge pattern engine).
/// </summary>
public sealed class SourcesTests(SourcesCheckScript script) : IClassFixture<SourcesCheckScript>
{
    private static readonly string[] CheckNames =
    [
        "every_deployed_pattern_takes_only_sources_aws_reserves",
        "a_forged_source_matches_no_rule_and_the_real_event_still_does",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Sources_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Sources_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
