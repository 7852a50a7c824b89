using System.Diagnostics;
using System.Text.RegularExpressions;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>A suggested command links nowhere and still runs: a real shell reads back every value as it was.</summary>
public sealed partial class CommandTextTests
{
    public static TheoryData<string[]> Values => new()
    {
        new[] { "alice@example.com", "example.co.uk" },
        new[] { "my bucket.example.com", "it's evil.com" },
        new[] { "https://evil.example/login", "file://server/share", "www.terraform.io" },
        new[] { "a\"b.com", "back\\slash.net", "$(x).org", "`y`.io" },
        new[] { "bob.ross", "10.0.0.1", "config.json", "s3://bucket/key" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void The_shell_reads_each_value_back_unchanged_and_nothing_links(string[] values)
    {
        var command = "printf '%s\\n' " + string.Join(' ', values.Select(ShellQuote.Arg));

        var shown = CommandText.Clean(command, 4096);

        Assert.False(Linkable().IsMatch(shown), shown);
        Assert.Equal(values, RunInShell(shown));
    }

    [Fact]
    public void A_command_without_an_address_is_shown_as_it_is()
    {
        const string command = "aws iam update-access-key --user-name bob.ross --access-key-id AKIAEXAMPLE --status Inactive";
        Assert.Same(command, CommandText.Clean(command, 4096));
    }

    [Fact]
    public void Dots_are_split_outside_and_inside_single_quotes()
    {
        Assert.Equal("--user-name alice@example\".\"com", CommandText.Clean("--user-name alice@example.com", 4096));
        Assert.Equal("--name 'my bucket.example'\".\"'com'", CommandText.Clean("--name 'my bucket.example.com'", 4096));
        Assert.Equal("--url 'https'\":\"'//x'", CommandText.Clean("--url 'https://x'", 4096));
    }

    private static string[] RunInShell(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var shell = Process.Start(start)!;
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"(?i)(https?|ftps?|file)://|www\.|[\p{L}\p{N}-]\.(com|net|org|io|co|uk)(?![\p{L}\p{N}-])")]
    private static partial Regex Linkable();
}
