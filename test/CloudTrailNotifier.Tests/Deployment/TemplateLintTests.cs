namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>cfn-lint (which runs the SAM transform itself) finds nothing to report in template.yaml.</summary>
public sealed class TemplateLintTests
{
    [Fact]
    public async Task Cfn_lint_reports_no_error_and_no_warning_for_the_template()
    {
        var result = await ToolRunner.RunAsync("cfn-lint", ["template.yaml"], TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stdout.Trim());
    }

    [Fact]
    public async Task Cfn_lint_catches_a_broken_rule_state_so_a_clean_run_means_something()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"ctn-broken-{Guid.NewGuid():N}.yaml");
        var template = await File.ReadAllTextAsync(Path.Combine(DeploymentPaths.RepositoryRoot, "template.yaml"));
        Assert.Contains("State: ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", template, StringComparison.Ordinal);
        await File.WriteAllTextAsync(
            broken,
            template.Replace("State: ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", "State: ENABLED_WITH_READS", StringComparison.Ordinal));
        try
        {
            var result = await ToolRunner.RunAsync("cfn-lint", [broken], TimeSpan.FromMinutes(5));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("ENABLED_WITH_READS", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
