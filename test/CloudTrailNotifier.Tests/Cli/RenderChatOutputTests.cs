using System.Text;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Cli;

/// <summary><c>render --output chat</c>: one card per event and per line, in input order, damaged input losing only itself.</summary>
public sealed class RenderChatOutputTests
{
    [Fact]
    public void Json_lines_render_as_one_card_per_line_in_order_and_a_damaged_line_loses_only_itself()
    {
        var seed = File.ReadAllText(TestEvents.SeedPath).ReplaceLineEndings(" ");
        var second = seed.Replace("903caaaa-7777-4444-9999-example", "second-event", StringComparison.Ordinal);
        var input = $"{seed}\n{{not json\n{second}\n";

        var result = CliRunner.Run(["render", "-", "--output", "chat"], Encoding.UTF8.GetBytes(input), environment: null);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2", result.Stderr, StringComparison.Ordinal);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var ids = lines.Select(line => ChatCardInvariants.AssertValid(line, "cli").GetProperty("id").GetString()).ToList();
        Assert.Equal(["903caaaa-7777-4444-9999-example", "second-event"], ids);
    }

    [Fact]
    public void An_unknown_output_is_refused()
    {
        var result = CliRunner.Run("render", TestEvents.SeedPath, "--output", "slack");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
    }
}
