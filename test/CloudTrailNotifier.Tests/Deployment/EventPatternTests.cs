namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// The rule's event pattern, resolved for chosen parameters, matches the reads it should and rejects other
/// secrets, write calls and excluded principals, judged by moto's EventBridge pattern engine
/// (test/deployment/check_event_pattern.py).
/// </summary>
public sealed class EventPatternTests(EventPatternCheckScript script) : IClassFixture<EventPatternCheckScript>
{
    internal static readonly string[] CheckNames =
    [
        "seed_event_with_full_arn_matches",
        "secret_named_by_name_matches",
        "secret_named_by_partial_arn_matches",
        "secret_in_a_list_of_watched_secrets_matches",
        "batch_get_secret_value_naming_the_secret_matches",
        "batch_get_secret_value_without_the_secret_is_rejected",
        "other_read_calls_on_the_secret_match",
        "secret_event_names_narrow_the_calls",
        "another_secret_is_rejected",
        "a_name_that_only_starts_like_the_secret_is_rejected",
        "a_name_extending_the_secret_with_a_hyphen_also_matches_as_documented",
        "write_calls_on_the_secret_are_rejected",
        "other_detail_types_are_rejected",
        "corpus_reads_match_only_the_watched_secret",
        "a_decoy_matches_in_every_form_even_when_not_watched",
        "a_decoy_matches_any_call_whatever_secret_event_names_say",
        "decoys_do_not_widen_what_else_matches",
        "pattern_with_decoys_is_valid_json_and_its_size_is_known",
        "every_kind_of_caller_is_reported_by_default",
        "an_excluded_role_is_rejected_whatever_its_session_name",
        "a_role_with_a_path_is_excluded_by_its_full_arn",
        "an_excluded_iam_user_is_rejected_and_other_users_are_not",
        "root_is_reported_unless_listed",
        "one_excluded_session_leaves_the_roles_other_sessions_reported",
        "the_functions_own_role_is_always_rejected",
        "watched_sources_report_their_read_only_calls",
        "watched_event_names_narrow_the_calls",
        "secrets_and_services_are_watched_together",
        "a_custom_pattern_replaces_the_built_in_one",
        "pattern_stays_under_2048_characters_for_seven_secrets",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Event_pattern_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Event_pattern_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
