using CloudTrailNotifier.Matching;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>events/patterns holds the template's own rule patterns (test/deployment/export_patterns.py), usable with --match.</summary>
public sealed class PatternFilesTests
{
    [Fact]
    public async Task The_pattern_files_are_the_templates_patterns()
    {
        var result = await ToolRunner.RunAsync("python3", [Path.Combine(DeploymentPaths.ChecksDirectory, "export_patterns.py"), "--check"], TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Every_pattern_file_compiles()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.EventsDirectory, "patterns"), "*.json");

        Assert.Equal(5, files.Length);
        Assert.All(files, file => EventPattern.Parse(File.ReadAllBytes(file)));
    }
}
