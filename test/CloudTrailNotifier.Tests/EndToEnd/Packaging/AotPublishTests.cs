using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Packaging;

/// <summary>
/// The Native AOT executable as it ships (about a minute to build): no warnings, runs on Amazon Linux 2023,
/// and publishes to a signature-checking moto both as a command and as a Lambda bootstrap.
/// </summary>
[Collection(AotCollection.Name)]
public sealed partial class AotPublishTests(PublishedExecutable published, MotoServer moto)
{
    private static readonly Version Al2023Glibc = new(2, 34);

    [Fact]
    public void The_AOT_publish_succeeds_with_zero_warnings()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var warnings = WarningPattern().Matches(published.Publish.StandardOutput + published.Publish.StandardError);
        Assert.True(warnings.Count == 0, string.Join('\n', warnings.Select(w => w.Value)));
        Assert.True(File.Exists(published.ExecutablePath));
        Assert.True(File.Exists(published.BootstrapPath));
    }

    [Theory]
    [InlineData("bootstrap")]
    [InlineData("ctn")]
    public async Task The_executable_needs_no_glibc_newer_than_Amazon_Linux_2023_has(string executable)
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var path = executable == "bootstrap" ? published.BootstrapPath : published.ExecutablePath;

        var objdump = await ProcessRunner.RunAsync("objdump", ["-T", path], new Dictionary<string, string>());

        Assert.Equal(0, objdump.ExitCode);
        var versions = GlibcPattern().Matches(objdump.StandardOutput)
            .Select(m => Version.Parse(m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.NotEmpty(versions);
        Assert.True(versions.Max() <= Al2023Glibc, $"needs GLIBC_{versions.Max()}");
    }

    [Fact]
    public async Task The_executable_publishes_to_SNS_with_credentials_from_the_environment()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("aot-cli");

        var result = await ProcessRunner.RunAsync(published.ExecutablePath,
            ["publish", RepositoryFiles.SampleEventPath, "--topic-arn", topicArn], Credentials());

        Assert.True(result.ExitCode == 0, result.ToString());
        var envelope = Assert.Single(await moto.ReceiveAsync(queueUrl));
        Assert.Equal(result.StandardOutput.Trim(), envelope.GetProperty("MessageId").GetString());
    }

    [Fact]
    public async Task The_executable_reports_an_AWS_error_in_one_line()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var variables = Credentials();
        variables["AWS_SECRET_ACCESS_KEY"] = "wrong";

        var result = await ProcessRunner.RunAsync(published.ExecutablePath,
            ["publish", RepositoryFiles.SampleEventPath, "--topic-arn", $"arn:aws:sns:us-east-1:{MotoServer.AccountId}:aot-any"], variables);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: SignatureDoesNotMatch: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_executable_says_dotnet_errors_in_sentences_not_resource_keys()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var variables = Credentials();
        variables["AWS_ENDPOINT_URL_SNS"] = $"http://127.0.0.1:{FreePort.Next()}/";

        var result = await ProcessRunner.RunAsync(published.ExecutablePath,
            ["publish", RepositoryFiles.SampleEventPath, "--topic-arn", $"arn:aws:sns:us-east-1:{MotoServer.AccountId}:aot-any"], variables);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: NetworkError: Connection refused", line, StringComparison.Ordinal);
        Assert.DoesNotMatch(ResourceKeyPattern(), line);
    }

    [Fact]
    public async Task The_executable_serves_Lambda_invocations_as_bootstrap()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("aot-bootstrap");
        await using var api = new FakeRuntimeApi();
        var start = new ProcessStartInfo(published.BootstrapPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in Credentials())
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["TOPIC_ARN"] = topicArn;
        using var process = Process.Start(start)!;
        try
        {
            api.Enqueue("aot-request", RepositoryFiles.SampleEvent, DateTimeOffset.UtcNow.AddSeconds(30), "Root=1-aaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbb");
            var report = await api.NextReportAsync();

            Assert.Equal(RuntimeReportKind.Response, report.Kind);
            var messageId = JsonDocument.Parse(report.Body).RootElement.GetProperty("messageId").GetString();
            Assert.Equal(messageId, Assert.Single(await moto.ReceiveAsync(queueUrl)).GetProperty("MessageId").GetString());
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        var log = JsonDocument.Parse((await process.StandardOutput.ReadToEndAsync()).Trim()).RootElement;
        Assert.Equal("aot-request", log.GetProperty("requestId").GetString());
        Assert.Equal("published", log.GetProperty("message").GetString());
        var expected = new Notifier(RenderOptions.Default).Notify(RepositoryFiles.SampleEvent);
        Assert.Equal(expected.Attributes.Single(a => a.Name == "eventName").Value, log.GetProperty("eventName").GetString());
    }

    [Fact]
    public async Task The_bootstrap_outside_Lambda_says_so_in_one_line()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());

        var result = await ProcessRunner.RunAsync(published.BootstrapPath, ["render", RepositoryFiles.SampleEventPath], Credentials());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Equal(
            "error: AWS_LAMBDA_RUNTIME_API is not set: bootstrap runs inside AWS Lambda (or sam local); for the command line use ctn",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task The_bootstrap_keeps_state_in_DynamoDB_through_the_SDK_client_and_sends_a_duplicate_once()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("aot-state");
        var table = await Folding.StateTable.CreateAsync(moto, "aot-state-table");
        await using var api = new FakeRuntimeApi();
        var start = new ProcessStartInfo(published.BootstrapPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in Credentials())
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["TOPIC_ARN"] = topicArn;
        start.Environment["STATE_TABLE_NAME"] = table;
        start.Environment["AWS_REGION"] = MotoServer.Region;
        start.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = moto.Endpoint.ToString();
        using var process = Process.Start(start)!;
        try
        {
            api.Enqueue("aot-first", RepositoryFiles.SampleEvent, DateTimeOffset.UtcNow.AddSeconds(30));
            api.Enqueue("aot-again", RepositoryFiles.SampleEvent, DateTimeOffset.UtcNow.AddSeconds(30));
            Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);
            Assert.Equal("""{"duplicate":true}""", (await api.NextReportAsync()).Body);
            Assert.Single(await moto.ReceiveAsync(queueUrl));
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        var lines = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains("\"stateStore\":\"recorded\"", StringComparison.Ordinal));
    }

    private Dictionary<string, string> Credentials() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = moto.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = moto.SecretAccessKey,
        ["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString(),
        ["HOME"] = Path.Combine(Path.GetTempPath(), "ctn-no-home"),
    };

    [GeneratedRegex(@"[^\s]+: warning [A-Z]+[0-9]+[^\n]*")]
    private static partial Regex WarningPattern();

    /// <summary>What UseSystemResourceKeys leaves of a message: net_http_client_execution_error, IO_StreamTooLong.</summary>
    [GeneratedRegex(@"\b[A-Za-z]+_[A-Za-z0-9]+_[A-Za-z0-9_]+\b")]
    private static partial Regex ResourceKeyPattern();

    [GeneratedRegex(@"GLIBC_([0-9]+\.[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex GlibcPattern();
}
