namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// The tamper rule notifies on changes that blind CloudTrail (any trail) or touch this stack's own resources, the
/// access rule on changes to the function's role, the topics' key and data protection policy; neither on the same
/// calls against another stack's resources or on unrelated writes
/// (test/deployment/check_tamper_pattern.py, moto's EventBridge pattern engine).
/// </summary>
public sealed class TamperPatternTests(TamperPatternCheckScript script) : IClassFixture<TamperPatternCheckScript>
{
    private static readonly string[] CheckNames =
    [
        "stopping_or_weakening_any_trail_notifies",
        "starting_or_creating_a_trail_does_not_notify",
        "a_denied_attempt_to_stop_logging_notifies_too",
        "changes_to_this_stacks_rules_notify",
        "another_stacks_rule_does_not_notify",
        "changes_to_this_stacks_function_notify_in_every_naming_form",
        "another_function_or_a_read_does_not_notify",
        "changes_to_this_stacks_topics_and_subscriptions_notify",
        "another_stacks_topic_does_not_notify",
        "changes_to_this_stacks_alarms_and_queue_notify",
        "another_stacks_alarms_and_queues_do_not_notify",
        "unrelated_writes_and_reads_do_not_notify",
        "the_functions_own_role_is_not_excluded_from_the_tamper_watch",
        "changes_to_the_functions_role_notify",
        "the_functions_role_is_matched_in_any_letter_case_as_iam_does",
        "another_role_or_a_call_that_takes_nothing_from_the_role_does_not_notify",
        "the_topics_key_is_watched_by_arn_or_id_when_the_stack_uses_one",
        "another_key_or_a_grant_does_not_notify",
        "a_data_protection_policy_on_this_stacks_topics_notifies",
        "the_access_rule_watches_itself_and_the_tamper_rule_and_fits_the_default_limit",
        "the_access_rule_watches_the_sweep_and_central_tamper_rules_and_the_state_table",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Tamper_pattern_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Tamper_pattern_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
