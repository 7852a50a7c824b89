using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Cli;

/// <summary><c>--match PATTERN.json</c>: only the events the pattern matches are rendered, each exactly as without it.</summary>
public sealed class RenderMatchTests
{
    private static string Pattern(string name) => Path.Combine(TestPaths.EventsDirectory, "patterns", name);

    private static string Sample(string name) => File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, name));

    private static string OneLine(string json) => JsonNode.Parse(json)!.ToJsonString();

    [Fact]
    public void Only_matching_events_render_and_each_renders_as_it_does_alone()
    {
        string[] samples = ["secretsmanager-get-secret-value.json", "events-disable-rule-tamper-watch.json", "ec2-describe-instances-terraform.json", "cloudtrail-stop-logging.json"];
        var lines = string.Join('\n', samples.Select(name => OneLine(Sample(name)))) + "\n";

        var result = CliRunner.RunWithInput(lines, "render", "-", "--output", "json", "--match", Pattern("tamper.json"));

        var alone = CliRunner.Run("render", Path.Combine(TestPaths.EventsDirectory, "events-disable-rule-tamper-watch.json"), "--output", "json").Stdout
            + CliRunner.Run("render", Path.Combine(TestPaths.EventsDirectory, "cloudtrail-stop-logging.json"), "--output", "json").Stdout;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(alone, result.Stdout);
        Assert.Equal($"match: 2 of 4 events matched {Pattern("tamper.json")}\n", result.Stderr);
    }

    [Fact]
    public void Bare_records_of_a_log_file_match_as_the_events_eventbridge_would_deliver()
    {
        var detail = JsonNode.Parse(Sample("secretsmanager-get-secret-value.json"))!["detail"]!;
        var watched = detail.DeepClone();
        watched["requestParameters"] = new JsonObject { ["secretId"] = "prod/db" };
        var other = detail.DeepClone();
        other["requestParameters"] = new JsonObject { ["secretId"] = "prod/other" };
        var logFile = new JsonObject { ["Records"] = new JsonArray(other, watched, other.DeepClone()) }.ToJsonString();

        var result = CliRunner.RunWithInput(logFile, "render", "-", "--output", "json", "--match", Pattern("watch-secret.json"));

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("prod/db", JsonNode.Parse(line)!["Subject"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"match: 1 of 3 events matched {Pattern("watch-secret.json")}\n", result.Stderr);
    }

    [Fact]
    public void Text_output_of_a_single_match_is_the_same_as_rendering_that_event()
    {
        var lines = OneLine(Sample("ec2-describe-instances-terraform.json")) + "\n" + OneLine(Sample("cloudtrail-stop-logging.json")) + "\n";

        var result = CliRunner.RunWithInput(lines, "render", "-", "--match", Pattern("tamper.json"));

        Assert.Equal(CliRunner.Run("render", Path.Combine(TestPaths.EventsDirectory, "cloudtrail-stop-logging.json")).Stdout, result.Stdout);
    }

    [Fact]
    public void Nothing_matching_prints_nothing_but_the_summary_and_exits_0()
    {
        var result = CliRunner.Run("render", TestEvents.SeedPath, "--match", Pattern("tamper.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal($"match: 0 of 1 event matched {Pattern("tamper.json")}\n", result.Stderr);
    }

    [Fact]
    public void An_unusable_pattern_is_one_error_line_and_exit_2_before_any_input_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pattern-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"detail":{"eventName":[{"contains":"Get"}]}}""", Encoding.UTF8);
        try
        {
            var result = CliRunner.Run("render", "/no/such/input.json", "--match", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.Equal($"error: --match {path}: not a usable event pattern: detail.eventName[0]: unknown operator \"contains\" (known: prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, cidr, exists)\n", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_pattern_file_is_one_error_line_and_exit_2()
    {
        var result = CliRunner.Run("publish", TestEvents.SeedPath, "--topic-arn", "arn:aws:sns:us-east-1:111111111111:t", "--match", "/no/such/pattern.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --match /no/such/pattern.json: no such file\n", result.Stderr);
    }
}
