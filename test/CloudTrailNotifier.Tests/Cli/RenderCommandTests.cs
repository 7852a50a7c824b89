using System.Text.Json;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Cli;

public sealed class RenderCommandTests
{
    [Fact]
    public void Render_prints_the_subject_a_blank_line_and_the_body()
    {
        var result = CliRunner.Run("render", TestEvents.SeedPath);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("Subject: [CONSOLE] GetSecretValue on sample/secret by cm-kawahara.masahiro (111111111111)", lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        Assert.StartsWith("cm-kawahara.masahiro called Secrets Manager GetSecretValue", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Tamper_watch_resources_come_from_the_option_then_the_environment()
    {
        var path = Path.Combine(TestPaths.EventsDirectory, "events-disable-rule-tamper-watch.json");

        var byOption = CliRunner.Run("render", path, "--tamper-watch-resources", SampleStack.WatchList);
        var byEnvironment = CliRunner.Run(["render", path], [], new Dictionary<string, string> { ["TAMPER_WATCH_RESOURCES"] = SampleStack.WatchList });
        var without = CliRunner.Run(["render", path], [], new Dictionary<string, string> { ["TAMPER_WATCH_RESOURCES"] = "" });

        Assert.StartsWith("Subject: [CRITICAL][TAMPERING] DisableRule on cloudtrail-notifier-watch", byOption.Stdout, StringComparison.Ordinal);
        Assert.Equal(byOption.Stdout, byEnvironment.Stdout);
        Assert.StartsWith("Subject: DisableRule on cloudtrail-notifier-watch", without.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_tamper_watch_list_is_one_error_line_and_exit_2()
    {
        var result = CliRunner.Run("render", TestEvents.SeedPath, "--tamper-watch-resources", "not-an-arn");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal("error: --tamper-watch-resources: 'not-an-arn' is not the ARN of an EventBridge rule, Lambda function, SNS topic, CloudWatch alarm, KMS key or alias, IAM role or DynamoDB table, nor an SQS queue ARN or URL\n", result.Stderr);
    }

    [Fact]
    public void Json_output_is_what_aws_sns_publish_cli_input_json_accepts()
    {
        var result = CliRunner.Run("render", TestEvents.SeedPath, "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal(["Subject", "Message", "MessageAttributes"], root.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("[CONSOLE] GetSecretValue", root.GetProperty("Subject").GetString(), StringComparison.Ordinal);
        var attributes = root.GetProperty("MessageAttributes");
        Assert.Equal("GetSecretValue", attributes.GetProperty("eventName").GetProperty("StringValue").GetString());
        Assert.All(attributes.EnumerateObject(), a => Assert.Equal("String", a.Value.GetProperty("DataType").GetString()));
        foreach (var name in new[] { "eventSource", "eventName", "account", "region", "actorType", "readOnly", "outcome" })
        {
            Assert.True(attributes.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public void Several_events_are_separated_in_text_and_one_json_object_per_line_in_order()
    {
        var seed = File.ReadAllText(TestEvents.SeedPath).ReplaceLineEndings(" ");
        var input = seed + "\n" + seed.Replace("GetSecretValue", "DescribeSecret", StringComparison.Ordinal) + "\n";

        var text = CliRunner.RunWithInput(input, "render", "-");
        var json = CliRunner.RunWithInput(input, "render", "-", "--output", "json");

        Assert.Contains("===== event 1 =====\nSubject:", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n\n===== event 2 =====\nSubject:", text.Stdout, StringComparison.Ordinal);
        var lines = json.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("GetSecretValue", JsonDocument.Parse(lines[0]).RootElement.GetProperty("Subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("DescribeSecret", JsonDocument.Parse(lines[1]).RootElement.GetProperty("Subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Language_and_time_zone_come_from_the_environment_when_not_given()
    {
        var environment = new Dictionary<string, string> { ["NOTIFICATION_LANGUAGE"] = "ja", ["NOTIFICATION_TIME_ZONE"] = "Asia/Tokyo" };

        var result = CliRunner.Run(["render", TestEvents.SeedPath], [], environment);

        Assert.Contains("実行者", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("日時: 2023-11-24 08:29:48 UTC (17:29:48 Asia/Tokyo, UTC+09:00)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_that_is_not_json_exits_2_with_one_line_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-json-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "this is not json");
        try
        {
            var result = CliRunner.Run("render", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.Equal($"error: {path}: not valid JSON at line 1, byte 2\n", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new[] { "render", "/no/such/file.json" }, "error: /no/such/file.json: no such file")]
    [InlineData(new[] { "render", "-", "--language", "fr" }, "error: --language: unknown language 'fr'; use en or ja")]
    [InlineData(new[] { "render", "-", "--time-zone", "Mars/Olympus" }, "error: --time-zone: unknown time zone 'Mars/Olympus'; use an IANA name such as Asia/Tokyo")]
    [InlineData(new[] { "render", "-", "--time-zone", "Asia/Tokyo\nerror: forged" }, "error: --time-zone: unknown time zone 'Asia/Tokyo\\nerror: forged'; use an IANA name such as Asia/Tokyo")]
    public void Bad_arguments_give_one_line_and_exit_2(string[] args, string expected)
    {
        var result = CliRunner.Run(args, "{}"u8.ToArray(), environment: null);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected + "\n", result.Stderr);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"Records\": []}")]
    public void Input_without_events_exits_2_instead_of_printing_nothing(string input)
    {
        var result = CliRunner.RunWithInput(input, "render", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: standard input: no events in the input (an empty list or an empty Records array)\n", result.Stderr);
    }

    [Fact]
    public void A_record_that_cannot_be_interpreted_still_renders_and_exits_0()
    {
        var result = CliRunner.RunWithInput("""{"hello":"world"}""", "render", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Subject: [UNREADABLE]", result.Stdout, StringComparison.Ordinal);
    }
}
