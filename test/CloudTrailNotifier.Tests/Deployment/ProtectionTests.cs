namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// How the transformed template protects the stack itself: the tamper rule and the names it relies on, the
/// alarms (filtered-out and failed deliveries included) publishing to a separate operations topic, and topic
/// policies that let only the function and the stack's alarms publish (test/deployment/check_protection.py).
/// </summary>
public sealed class ProtectionTests(ProtectionCheckScript script) : IClassFixture<ProtectionCheckScript>
{
    private static readonly string[] CheckNames =
    [
        "tamper_rule_is_enabled_named_and_delivers_like_the_watch_rule",
        "every_alarm_is_named_for_the_tamper_watch",
        "alarms_watch_function_errors_and_the_dead_letter_queue_and_notify_the_operations_topic",
        "filtered_out_and_failed_deliveries_of_the_topic_raise_alarms",
        "operations_topic_is_a_separate_delivery_path_to_the_same_address",
        "topic_policy_refuses_publishing_without_tls_and_admits_only_this_stacks_alarms",
        "only_the_function_and_this_stacks_alarms_may_publish",
        "subscription_changes_are_left_to_cloudformation_and_named_administrators",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Protection_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Protection_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
