namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// Each exclusion parameter of the read-only rule excludes exactly what it says: a user entry not the
/// user's federated sessions, a role entry every session of that role, a source identity only sessions
/// carrying it (test/deployment/check_exclusions.py, moto's EventBridge pattern engine).
/// </summary>
public sealed class ExclusionsTests(ExclusionsCheckScript script) : IClassFixture<ExclusionsCheckScript>
{
    private static readonly string[] CheckNames =
    [
        "an_excluded_user_does_not_exclude_its_federated_sessions",
        "an_excluded_role_excludes_every_session_of_that_role_only",
        "a_role_entry_in_the_user_list_is_refused_by_the_parameter_pattern",
        "an_excluded_source_identity_excludes_only_sessions_carrying_it",
        "a_session_entry_excludes_that_session_name_only",
        "lists_combine_and_the_functions_role_stays_excluded",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Exclusion_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Exclusion_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
