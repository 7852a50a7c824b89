namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// forwarder.yaml keeps the watch pattern of template.yaml (resolved patterns equal, and every case of the
/// single-account pattern checks passes against it under moto's engine), forwards trail changes and decoys, and
/// its role may only put events on the central bus; template.yaml's central mode adds the organization bus;
/// on moto, events travel from a member account's default bus to the central bus and its target
/// (test/deployment/check_forwarder.py).
/// </summary>
public sealed class ForwarderTests(ForwarderCheckScript script) : IClassFixture<ForwarderCheckScript>
{
    private static readonly string[] OwnChecks =
    [
        "forwarder_declares_every_watch_parameter_of_the_central_template",
        "resolved_patterns_equal_the_central_templates_for_the_same_parameters",
        "forwarder_watch_rule_is_opted_in_on_the_default_bus",
        "decoys_are_forwarded_even_when_not_watched",
        "trail_rule_forwards_trail_changes_like_the_tamper_watch",
        "forwarding_role_may_only_put_events_on_the_central_bus",
        "central_bus_arn_parameter_refuses_what_is_not_a_bus",
        "central_mode_adds_the_organization_bus_and_watches_it",
        "single_account_mode_has_no_bus_and_no_bus_output",
        "organization_and_account_names_parameters_refuse_malformed_values",
        "events_travel_from_a_member_account_to_the_central_bus_and_its_targets",
        "readme_filter_policy_routes_each_accounts_notifications",
    ];

    /// <summary>The cases of check_event_pattern.py and check_exclusions.py, run again against the forwarder's pattern.</summary>
    private static readonly string[] ReplayedChecks =
    [
        .. EventPatternTests.CheckNames,
        "an_excluded_user_does_not_exclude_its_federated_sessions",
        "an_excluded_role_excludes_every_session_of_that_role_only",
        "a_role_entry_in_the_user_list_is_refused_by_the_parameter_pattern",
        "an_excluded_source_identity_excludes_only_sessions_carrying_it",
        "a_session_entry_excludes_that_session_name_only",
        "lists_combine_and_the_functions_role_stays_excluded",
    ];

    private static IEnumerable<string> AllChecks => OwnChecks.Concat(ReplayedChecks.Select(name => "forwarder_" + name));

    public static TheoryData<string> Checks => new(AllChecks.ToArray());

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Forwarder_check_passes(string check) => script.AssertPassedAsync(check);

    [Fact]
    public async Task Forwarder_checks_all_pass_and_are_exactly_the_listed_ones()
    {
        var result = await script.ResultAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(AllChecks.Order(), (await script.ReportedChecksAsync()).Order());
    }

    [Fact]
    public async Task Cfn_lint_reports_nothing_for_the_forwarder_alone_and_with_parameter_values()
    {
        var plain = await ToolRunner.RunAsync("cfn-lint", ["forwarder.yaml"], TimeSpan.FromMinutes(5));
        var resolved = await ToolRunner.RunAsync(
            "cfn-lint", ["forwarder.yaml", "--parameter-files", "test/deployment/fixtures/forwarder-parameters.json"], TimeSpan.FromMinutes(5));

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Equal(string.Empty, plain.Stdout.Trim());
        Assert.True(resolved.ExitCode == 0, resolved.ToString());
        Assert.Equal(string.Empty, resolved.Stdout.Trim());
    }

    [Fact]
    public async Task Cfn_lint_reports_nothing_for_the_template_in_central_mode()
    {
        var result = await ToolRunner.RunAsync(
            "cfn-lint", ["template.yaml", "--parameter-files", "test/deployment/fixtures/central-mode-parameters.json"], TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stdout.Trim());
    }

    [Fact]
    public async Task Cfn_lint_with_parameter_values_catches_a_bad_bus_arn_so_a_clean_run_means_something()
    {
        var parameters = Path.Combine(Path.GetTempPath(), $"ctn-forwarder-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(parameters, """[{"ParameterKey":"CentralEventBusArn","ParameterValue":"not-a-bus"}]""");
        try
        {
            var result = await ToolRunner.RunAsync("cfn-lint", ["forwarder.yaml", "--parameter-files", parameters], TimeSpan.FromMinutes(5));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("not-a-bus", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(parameters);
        }
    }
}
