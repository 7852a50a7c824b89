namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// The CloudFormation the SAM transform makes of template.yaml (function, opted-in rule, permission,
/// least-privilege role, dead-letter wiring, topic, parameters) and samconfig.toml, as asserted by
/// test/deployment/check_template.py.
/// </summary>
public sealed class TemplateTests(TemplateCheckScript script) : IClassFixture<TemplateCheckScript>
{
    private static readonly string[] CheckNames =
    [
        "function_is_a_native_aot_bootstrap_on_provided_al2023",
        "function_has_128_mb_and_a_timeout_that_covers_publish_retries",
        "function_logs_json_to_its_own_group_with_a_retention_period",
        "function_gets_the_environment_the_executable_reads",
        "rule_is_opted_in_to_read_only_management_events_on_the_default_bus",
        "rule_targets_the_function_with_retries_and_the_dead_letter_queue",
        "rule_may_invoke_the_function_and_nothing_else_may",
        "role_publishes_only_to_this_topic_and_writes_only_its_own_logs",
        "role_can_be_assumed_only_by_lambda_in_this_account",
        "failed_invocations_are_retried_twice_then_kept_in_the_dead_letter_queue",
        "dead_letter_queue_accepts_events_only_from_the_rule",
        "topic_has_an_email_subscription",
        "topic_is_encrypted_only_when_a_key_is_given",
        "outputs_name_the_topic_function_rule_and_queue",
        "parameters_serve_the_seed_and_later_users",
        "parameter_patterns_reject_values_that_would_break_the_rules_json",
        "deployment_refuses_a_stack_that_watches_nothing",
        "samconfig_deploys_the_seed_case",
        "samconfig_builds_in_source_and_syncs_the_same_stack",
        "dry_run_environment_file_names_the_function_and_its_variables",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Template_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Template_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
