using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Lambda;

/// <summary>The handler alone: the real renderer, a sink in memory.</summary>
public sealed class InvocationHandlerTests
{
    private static readonly Invocation Sample = new("req-1", DateTimeOffset.UnixEpoch.AddDays(20000), "Root=1-abc", RepositoryFiles.SampleEvent);

    [Fact]
    public async Task The_rendered_notification_goes_to_the_sink_with_the_invocation_and_its_answer_is_the_response()
    {
        var sink = RecordingSink.Publishing("mid-1");

        var result = await Handler(sink).HandleAsync(Sample, CancellationToken.None);

        var (notification, invocation) = Assert.Single(sink.Received);
        Assert.Equal(new Notifier(RenderOptions.Default).Notify(RepositoryFiles.SampleEvent).Subject, notification.Subject);
        Assert.Same(Sample, invocation);
        Assert.Equal((InvocationResultKind.Published, "mid-1", null), (result.Kind, result.MessageId, result.Error));
        Assert.Equal("""{"messageId":"mid-1"}""", System.Text.Encoding.UTF8.GetString(result.Response!));
        Assert.Same(notification, result.Notification);
    }

    [Fact]
    public async Task A_refused_publish_fails_the_invocation_with_the_SNS_code_and_keeps_the_notification_for_the_log()
    {
        var refusal = new SnsPublishException(new SnsFailure(SnsFailureKind.Refused, "AuthorizationError", 403, "not allowed"), "not allowed", 1);

        var result = await Handler(RecordingSink.Throwing(refusal)).HandleAsync(Sample, CancellationToken.None);

        Assert.Equal(InvocationResultKind.Failed, result.Kind);
        Assert.Equal(("Sns.AuthorizationError", "not allowed"), (result.Error!.ErrorType, result.Error.ErrorMessage));
        Assert.Null(result.Response);
        Assert.NotNull(result.Notification);
    }

    [Fact]
    public async Task A_deadline_fails_the_invocation_with_Runtime_DeadlineExceeded()
    {
        var result = await Handler(RecordingSink.Throwing(new DeadlineExceededException("too late"))).HandleAsync(Sample, CancellationToken.None);

        Assert.Equal(("Runtime.DeadlineExceeded", "too late"), (result.Error!.ErrorType, result.Error.ErrorMessage));
    }

    [Fact]
    public async Task An_unexpected_exception_is_reported_in_one_capped_line_not_swallowed()
    {
        var handler = new InvocationHandler(_ => throw new InvalidOperationException("broken\nsecond line " + new string('x', 2000)), RecordingSink.Publishing("never"));

        var result = await handler.HandleAsync(Sample, CancellationToken.None);

        Assert.Equal("Runtime.UnhandledException", result.Error!.ErrorType);
        Assert.StartsWith("InvalidOperationException: broken second line xxx", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.True(result.Error.ErrorMessage.Length <= FunctionError.MaxMessageChars + 1);
        Assert.Null(result.Notification);
    }

    [Fact]
    public async Task Cancellation_of_the_runtime_is_not_turned_into_a_failed_invocation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            Handler(RecordingSink.Throwing(new OperationCanceledException(cancelled.Token))).HandleAsync(Sample, cancelled.Token));
    }

    [Fact]
    public async Task A_dry_run_answers_with_the_publish_request_and_names_the_topic()
    {
        var result = await Handler(new DryRunSink(EndToEnd.Sns.SnsPublisherRetryTests.Arn(name: "t"))).HandleAsync(Sample, CancellationToken.None);

        Assert.Equal(InvocationResultKind.DryRun, result.Kind);
        Assert.Equal(PublishRequestJson.Write(result.Notification!, "arn:aws:sns:us-east-1:123456789012:t"), System.Text.Encoding.UTF8.GetString(result.Response!));
    }

    [Fact]
    public async Task A_dry_run_for_a_FIFO_topic_shows_the_group_and_deduplication_ids()
    {
        var result = await Handler(new DryRunSink(EndToEnd.Sns.SnsPublisherRetryTests.Arn(name: "t.fifo"))).HandleAsync(Sample, CancellationToken.None);

        var request = System.Text.Json.JsonDocument.Parse(result.Response!).RootElement;
        var eventId = result.Notification!.EventId;
        Assert.Equal("903caaaa-7777-4444-9999-example", eventId);
        Assert.Equal(eventId, request.GetProperty("MessageGroupId").GetString());
        Assert.Equal(eventId, request.GetProperty("MessageDeduplicationId").GetString());
    }

    private static InvocationHandler Handler(INotificationSink sink) => new(new Notifier(RenderOptions.Default).Notify, sink);
}
