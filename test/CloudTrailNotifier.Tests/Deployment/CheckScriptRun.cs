namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// One run of a Python check script in test/deployment/, shared by the tests of a class: the script prints
/// "PASS name" or "FAIL name: reason" per check and exits non-zero if any failed.
/// </summary>
public abstract class CheckScriptRun
{
    private readonly Lazy<Task<ToolResult>> _run;

    protected CheckScriptRun(string script, TimeSpan timeout)
    {
        Script = script;
        _run = new Lazy<Task<ToolResult>>(
            () => ToolRunner.RunAsync("python3", [Path.Combine(DeploymentPaths.ChecksDirectory, script)], timeout));
    }

    public string Script { get; }

    internal Task<ToolResult> ResultAsync() => _run.Value;

    /// <summary>Names of the checks the script reported, passed or failed.</summary>
    internal async Task<IReadOnlyList<string>> ReportedChecksAsync()
    {
        var result = await ResultAsync();
        return result.Stdout.Split('\n')
            .Where(line => line.StartsWith("PASS ", StringComparison.Ordinal) || line.StartsWith("FAIL ", StringComparison.Ordinal))
            .Select(line => line[5..].Split(':')[0].Trim())
            .ToList();
    }

    internal async Task AssertPassedAsync(string check)
    {
        var result = await ResultAsync();
        var lines = result.Stdout.Split('\n');
        var failure = lines.FirstOrDefault(line => line.StartsWith($"FAIL {check}:", StringComparison.Ordinal));
        Assert.True(failure is null, $"{Script}: {failure}");
        Assert.True(lines.Contains($"PASS {check}"), $"{Script} did not report {check}.\n{result}");
    }
}
