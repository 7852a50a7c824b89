using System.Text.Json;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Lambda;

/// <summary>The runtime loop end to end: a local Runtime API, and moto or a scripted SNS endpoint behind it.</summary>
[Collection(MotoCollection.Name)]
public sealed class RuntimeLoopTests(MotoServer moto)
{
    private static readonly byte[] Event = RepositoryFiles.SampleEvent;

    [Fact]
    public async Task An_invocation_is_published_to_SNS_and_answered_with_the_message_id()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("loop-success");
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(topicArn, moto.Endpoint), moto.Credentials);

        api.Enqueue("request-1", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        Assert.Equal("request-1", report.RequestId);
        var messageId = JsonDocument.Parse(report.Body).RootElement.GetProperty("messageId").GetString();
        var envelope = Assert.Single(await moto.ReceiveAsync(queueUrl));
        Assert.Equal(messageId, envelope.GetProperty("MessageId").GetString());
        var expected = Render();
        Assert.Equal(expected.Subject, envelope.GetProperty("Subject").GetString());
        Assert.Equal(expected.Message, envelope.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task A_publish_to_a_missing_topic_fails_the_invocation_with_Sns_NotFound()
    {
        var missing = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:loop-missing-topic";
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(missing, moto.Endpoint), moto.Credentials);

        api.Enqueue("request-404", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Error, report.Kind);
        Assert.Equal("request-404", report.RequestId);
        Assert.Equal("Sns.NotFound", report.ErrorTypeHeader);
        var body = JsonDocument.Parse(report.Body).RootElement;
        Assert.Equal("Sns.NotFound", body.GetProperty("errorType").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("errorMessage").GetString()));
    }

    [Fact]
    public async Task After_a_failed_invocation_the_loop_serves_the_next_one()
    {
        await using var sns = new FakeSns(FakeSns.Error(403, "AuthorizationError", "not allowed"), FakeSns.Published("second-ok"));
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(TopicArn, sns.Endpoint));

        api.Enqueue("first", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        api.Enqueue("second", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var first = await api.NextReportAsync();
        var second = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.Error, "first", "Sns.AuthorizationError"), (first.Kind, first.RequestId, first.ErrorTypeHeader));
        Assert.Equal((RuntimeReportKind.Response, "second"), (second.Kind, second.RequestId));
        Assert.Equal("""{"messageId":"second-ok"}""", second.Body);
    }

    [Fact]
    public async Task An_invocation_past_its_deadline_fails_with_DeadlineExceeded_and_publishes_nothing()
    {
        await using var sns = new FakeSns(FakeSns.Published("must-not-happen"));
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(TopicArn, sns.Endpoint));

        api.Enqueue("late", Event, DateTimeOffset.UtcNow.AddSeconds(-1));
        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.Error, "late", "Runtime.DeadlineExceeded"), (report.Kind, report.RequestId, report.ErrorTypeHeader));
        Assert.Empty(sns.Requests);
    }

    [Fact]
    public async Task A_publish_with_no_answer_is_reported_before_the_invocation_deadline()
    {
        await using var sns = new FakeSns(FakeSns.Hang);
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(TopicArn, sns.Endpoint));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(3);

        api.Enqueue("hanging", Event, deadline);
        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.Error, "Runtime.DeadlineExceeded"), (report.Kind, report.ErrorTypeHeader));
        Assert.True(report.ReceivedAt < deadline, $"reported {(report.ReceivedAt - deadline).TotalMilliseconds} ms after the deadline");
    }

    [Fact]
    public async Task The_trace_id_is_passed_on_as_X_AMZN_TRACE_ID_and_to_SNS()
    {
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        await using var sns = new FakeSns(FakeSns.Published("traced"));
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(TopicArn, sns.Endpoint));

        api.Enqueue("traced", Event, DateTimeOffset.UtcNow.AddSeconds(30), trace);
        await api.NextReportAsync();

        Assert.Equal(trace, host.SetVariables["_X_AMZN_TRACE_ID"]);
        Assert.Equal(trace, Assert.Single(sns.Requests).Headers["X-Amzn-Trace-Id"]);
    }

    [Fact]
    public async Task Dry_run_answers_with_the_publish_request_and_publishes_nothing()
    {
        await using var sns = new FakeSns(FakeSns.Published("must-not-happen"));
        await using var api = new FakeRuntimeApi();
        var variables = Variables(TopicArn, sns.Endpoint);
        variables["DRY_RUN"] = "true";
        await using var host = new LambdaHostRun(api, variables);

        api.Enqueue("dry", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        Assert.Equal(PublishRequestJson.Write(Render(), TopicArn), report.Body);
        Assert.Empty(sns.Requests);
    }

    [Fact]
    public async Task Dry_run_needs_no_topic()
    {
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, new Dictionary<string, string> { ["DRY_RUN"] = "true" });

        api.Enqueue("dry-no-topic", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        Assert.Equal(PublishRequestJson.Write(Render()), report.Body);
    }

    [Theory]
    [InlineData(null, null, "TOPIC_ARN")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:q", null, "TOPIC_ARN")]
    [InlineData(TopicArn, "maybe", "DRY_RUN")]
    public async Task A_configuration_error_is_reported_to_init_error_and_the_runtime_stops(string? topicArn, string? dryRun, string named)
    {
        await using var api = new FakeRuntimeApi();
        var variables = new Dictionary<string, string>();
        if (topicArn is not null)
        {
            variables["TOPIC_ARN"] = topicArn;
        }

        if (dryRun is not null)
        {
            variables["DRY_RUN"] = dryRun;
        }

        await using var host = new LambdaHostRun(api, variables);
        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.InitError, "Runtime.ConfigurationError"), (report.Kind, report.ErrorTypeHeader));
        var body = JsonDocument.Parse(report.Body).RootElement;
        Assert.Equal("Runtime.ConfigurationError", body.GetProperty("errorType").GetString());
        Assert.Contains(named, body.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await host.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Each_invocation_logs_one_JSON_line_without_the_event_or_credentials()
    {
        await using var sns = new FakeSns(FakeSns.Published("logged-id"), FakeSns.Error(400, "InvalidParameter", "bad subject"));
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(TopicArn, sns.Endpoint));

        api.Enqueue("log-ok", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        api.Enqueue("log-failed", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        await api.NextReportAsync();
        await api.NextReportAsync();

        var lines = host.LogLines;
        Assert.Equal(2, lines.Count);
        var ok = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("INFO", ok.GetProperty("level").GetString());
        Assert.Equal("log-ok", ok.GetProperty("requestId").GetString());
        Assert.Equal("logged-id", ok.GetProperty("messageId").GetString());
        Assert.Equal(("succeeded", "published"), (ok.GetProperty("apiCallOutcome").GetString(), ok.GetProperty("invocationResult").GetString()));
        Assert.Equal(Attribute(Render(), "eventName"), ok.GetProperty("eventName").GetString());
        Assert.True(ok.GetProperty("durationMs").GetDouble() >= 0);
        Assert.True(DateTimeOffset.TryParse(ok.GetProperty("timestamp").GetString(), out _));
        var failed = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("ERROR", failed.GetProperty("level").GetString());
        Assert.Equal("log-failed", failed.GetProperty("requestId").GetString());
        Assert.Equal("Sns.InvalidParameter", failed.GetProperty("errorType").GetString());
        Assert.Equal(("succeeded", "failed"), (failed.GetProperty("apiCallOutcome").GetString(), failed.GetProperty("invocationResult").GetString()));

        var log = host.Log.ToString();
        Assert.DoesNotContain("2222:4444:bbbb:3333", log, StringComparison.Ordinal); // the event's source IP
        Assert.DoesNotContain("test-secret", log, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDTEST", log, StringComparison.Ordinal);
    }

    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:notifications";

    private static Dictionary<string, string> Variables(string topicArn, Uri snsEndpoint) => new()
    {
        ["TOPIC_ARN"] = topicArn,
        ["AWS_ENDPOINT_URL_SNS"] = snsEndpoint.ToString(),
    };

    private static Notification Render() => new Notifier(RenderOptions.Default).Notify(Event);

    private static string? Attribute(Notification notification, string name) =>
        notification.Attributes.FirstOrDefault(a => a.Name == name).Value;
}
