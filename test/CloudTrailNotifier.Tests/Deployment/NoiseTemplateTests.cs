namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// Noise control in the transformed template (test/deployment/check_noise.py): the table, the sweep every minute,
/// grants on this table only for exactly the calls the code makes, the alarm, parameters, outputs, and off = stateless.
/// </summary>
public sealed class NoiseTemplateTests(NoiseCheckScript script) : IClassFixture<NoiseCheckScript>
{
    private static readonly string[] CheckNames =
    [
        "table_is_on_demand_with_ttl_encryption_and_optional_recovery",
        "sweep_runs_every_minute_and_only_it_may_invoke_through_its_permission",
        "role_uses_only_this_table_and_only_the_calls_the_code_makes",
        "function_reads_the_table_window_and_rate_guard",
        "fail_open_raises_an_alarm_on_the_operations_topic",
        "parameters_have_their_defaults_and_limits",
        "outputs_name_the_table_and_the_sweep_rule",
        "disabled_is_the_stateless_stack",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Noise_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Noise_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(CheckNames.Order(), (await script.ReportedChecksAsync()).Order());
    }
}
