using System.Text.Json;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Lambda;

/// <summary>The Lambda face end to end against a scripted SNS: no echoed secret, no second copy, no clear-text endpoint.</summary>
public sealed class LambdaHostSafetyTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:notifications";
    private static readonly byte[] Event = RepositoryFiles.SampleEvent;

    [Fact]
    public async Task An_error_echoing_the_signed_request_reaches_neither_the_Runtime_API_nor_the_log_with_the_token()
    {
        await using var sns = new FakeSns(EchoingSns.SignatureDoesNotMatch);
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(sns.Endpoint.ToString()), EchoingSns.Credentials);

        api.Enqueue("echo", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.Error, "Sns.SignatureDoesNotMatch"), (report.Kind, report.ErrorTypeHeader));
        var message = JsonDocument.Parse(report.Body).RootElement.GetProperty("errorMessage").GetString()!;
        Assert.StartsWith("The request signature we calculated does not match", message, StringComparison.Ordinal);
        var everything = report.Body + host.Log;
        Assert.All(EchoingSns.Forbidden, fragment => Assert.DoesNotContain(fragment, everything, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(EchoingSns.SessionToken, Assert.Single(sns.Requests).Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task A_2xx_with_a_cut_body_is_answered_as_published_and_sent_once()
    {
        await using var sns = new FakeSns(FakeSns.CutPublished("unread", 25), FakeSns.Published("second-copy"));
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(sns.Endpoint.ToString()));

        api.Enqueue("cut", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.Response, """{"messageId":null}"""), (report.Kind, report.Body));
        var line = JsonDocument.Parse(Assert.Single(host.LogLines)).RootElement;
        Assert.Equal("published-message-id-unknown", line.GetProperty("invocationResult").GetString());
        Assert.Contains("cut off", line.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Single(sns.Requests);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_SNS", "http://sns.attacker.example/")]
    [InlineData("AWS_ENDPOINT_URL", "http://192.0.2.10:4566")]
    public async Task Plain_http_to_another_host_is_refused_at_start_with_a_configuration_error(string variable, string value)
    {
        await using var api = new FakeRuntimeApi();
        var variables = new Dictionary<string, string> { ["TOPIC_ARN"] = TopicArn, [variable] = value };
        await using var host = new LambdaHostRun(api, variables);

        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.InitError, "Runtime.ConfigurationError"), (report.Kind, report.ErrorTypeHeader));
        Assert.StartsWith($"{variable}: plain http to '", JsonDocument.Parse(report.Body).RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await host.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Under_sam_local_a_topic_that_is_not_an_ARN_means_a_dry_run_said_in_the_log()
    {
        await using var api = new FakeRuntimeApi();
        var variables = new Dictionary<string, string> { ["TOPIC_ARN"] = "NotificationTopic", ["AWS_SAM_LOCAL"] = "true" };
        await using var host = new LambdaHostRun(api, variables);

        api.Enqueue("sam-local", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        Assert.True(JsonDocument.Parse(report.Body).RootElement.TryGetProperty("Subject", out _), report.Body);
        var notice = JsonDocument.Parse(host.LogLines[0]).RootElement;
        Assert.Equal("WARN", notice.GetProperty("level").GetString());
        Assert.Contains("TOPIC_ARN is 'NotificationTopic', not an ARN", notice.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("dry run, nothing is published", notice.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("dry-run", JsonDocument.Parse(host.LogLines[1]).RootElement.GetProperty("invocationResult").GetString());
    }

    [Fact]
    public async Task Outside_sam_local_a_topic_that_is_not_an_ARN_stays_a_configuration_error()
    {
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, new Dictionary<string, string> { ["TOPIC_ARN"] = "NotificationTopic" });

        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.InitError, "Runtime.ConfigurationError"), (report.Kind, report.ErrorTypeHeader));
        Assert.Contains("TOPIC_ARN: 'NotificationTopic' is not an SNS topic ARN", report.Body, StringComparison.Ordinal);
        Assert.Equal(1, await host.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static Dictionary<string, string> Variables(string endpoint) => new()
    {
        ["TOPIC_ARN"] = TopicArn,
        ["AWS_ENDPOINT_URL_SNS"] = endpoint,
    };
}
