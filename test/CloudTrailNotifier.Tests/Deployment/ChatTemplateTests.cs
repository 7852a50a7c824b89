namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// Chat delivery in the transformed template (test/deployment/check_chat.py): the chat topic, created or given,
/// reaches the function as CHAT_TOPIC_ARN (empty when chat is off); the function may publish to the email and chat
/// topics only; only the function may publish to the created topic; a tamper rule of its own watches it; the Slack
/// and Teams configurations exist only when their ids are given, with a channel role that grants nothing and a
/// guardrail that denies everything; inconsistent parameters are refused; cfn-lint is clean with chat on.
/// </summary>
public sealed class ChatTemplateTests(ChatCheckScript script) : IClassFixture<ChatCheckScript>
{
    private static readonly string[] CheckNames =
    [
        "chat_is_off_by_default_and_changes_nothing",
        "a_created_chat_topic_reaches_the_function_the_tamper_list_and_the_outputs",
        "a_given_chat_topic_is_used_as_it_is_and_nothing_is_created",
        "the_function_may_publish_to_the_email_and_chat_topics_only",
        "only_the_function_may_publish_to_the_created_chat_topic",
        "chat_topic_subscriptions_are_left_to_cloudformation_administrators_and_amazon_q",
        "a_tamper_rule_of_its_own_watches_the_chat_topic_exactly",
        "chat_channels_exist_only_when_their_ids_are_given",
        "channels_read_the_chat_topic_with_a_role_that_grants_nothing_and_a_deny_all_guardrail",
        "deployment_refuses_inconsistent_chat_parameters",
        "chat_parameter_patterns_accept_real_ids_and_refuse_others",
        "sam_transform_passes_the_chat_resources_through_with_their_conditions",
        "cfn_lint_is_clean_with_chat_on_for_a_created_and_a_given_topic",
        "cfn_lint_resolves_the_chat_parameters_so_a_clean_run_means_something",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Chat_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Chat_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
