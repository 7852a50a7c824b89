namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// `make build-NotifierFunction`, as `sam build` runs it, publishes the Native AOT executable into
/// ARTIFACTS_DIR as an executable `bootstrap` for provided.al2023 and nothing else (test/deployment/check_build.py).
/// </summary>
public sealed class MakefileBuildTests(BuildCheckScript script) : IClassFixture<BuildCheckScript>
{
    private static readonly string[] CheckNames =
    [
        "make_target_builds_bootstrap_into_artifacts_dir",
        "artifacts_hold_only_the_executable_bootstrap",
        "bootstrap_is_an_x86_64_linux_executable_for_glibc_2_34",
        "bootstrap_runs_on_its_own",
        "make_without_artifacts_dir_fails_with_one_clear_line",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Build_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Build_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
