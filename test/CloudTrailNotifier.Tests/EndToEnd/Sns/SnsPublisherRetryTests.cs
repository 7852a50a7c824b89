using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.EndToEnd.Sns;

/// <summary>Retries against a scripted SNS on loopback, with fake time: no test waits for a backoff or a deadline.</summary>
public sealed class SnsPublisherRetryTests : IDisposable
{
    internal static readonly Notification Sample = new("Subject", "Message", [new MessageAttribute("eventName", "GetSecretValue")], "evt-1");
    private readonly HttpClient _http = AwsHttp.Create();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Throttling_twice_then_success_returns_the_message_id_of_the_third_attempt()
    {
        await using var sns = new FakeSns(FakeSns.Throttling, FakeSns.Throttling, FakeSns.Published("third-time-lucky")) { Clock = _clock };

        var receipt = await FakeClock.RunAsync(_clock, Publisher(jitter: 1.0).PublishAsync(Sample, Topic(sns)), TimeSpan.FromMilliseconds(10));

        Assert.Equal(("third-time-lucky", 3), (receipt.MessageId, receipt.Attempts));
        var requests = sns.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.Equal("Publish", r.Field("Action")));
        // Backoff on the fake clock: the second retry waits twice as long as the first (100 ms, then 200 ms at jitter 1.0).
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(100));
        Assert.True(requests[2].ReceivedAt - requests[1].ReceivedAt >= TimeSpan.FromMilliseconds(200));
    }

    [Theory]
    [InlineData(400, "ThrottlingException")]
    [InlineData(429, "Anything")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(502, null)]
    public async Task Throttling_and_server_errors_are_retried(int status, string? code)
    {
        var failure = code is null ? new FakeSns.Answer(status, "<html>Bad Gateway</html>") : FakeSns.Error(status, code, "try later", "Receiver");
        await using var sns = new FakeSns(failure, FakeSns.Published("after-retry"));

        var receipt = await FakeClock.RunAsync(_clock, Publisher().PublishAsync(Sample, Topic(sns)), TimeSpan.FromMilliseconds(50));

        Assert.Equal("after-retry", receipt.MessageId);
        Assert.Equal(2, sns.Requests.Count);
    }

    [Theory]
    [InlineData(403, "SignatureDoesNotMatch")]
    [InlineData(403, "InvalidClientTokenId")]
    [InlineData(403, "AuthorizationError")]
    [InlineData(400, "InvalidParameter")]
    [InlineData(404, "NotFound")]
    public async Task Authentication_and_validation_errors_are_not_retried(int status, string code)
    {
        await using var sns = new FakeSns(FakeSns.Error(status, code, "no"), FakeSns.Published("must-not-be-reached"));

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher().PublishAsync(Sample, Topic(sns)));

        Assert.Equal((code, "no", SnsFailureKind.Refused, 1), (error.Code, error.Message, error.Kind, error.Attempts));
        Assert.Single(sns.Requests);
    }

    [Fact]
    public async Task A_refusal_after_a_retry_stops_at_once_and_counts_the_attempts()
    {
        await using var sns = new FakeSns(FakeSns.Throttling, FakeSns.Error(403, "AuthorizationError", "denied"), FakeSns.Published("never"));

        var error = await Assert.ThrowsAsync<SnsPublishException>(() =>
            FakeClock.RunAsync(_clock, Publisher().PublishAsync(Sample, Topic(sns)), TimeSpan.FromMilliseconds(50)));

        Assert.Equal(("AuthorizationError", "denied", 2), (error.Code, error.Message, error.Attempts));
        Assert.Equal(2, sns.Requests.Count);
    }

    [Fact]
    public async Task A_publish_that_keeps_failing_gives_up_after_the_last_attempt_with_the_aws_code()
    {
        await using var sns = new FakeSns(FakeSns.Throttling);

        var error = await Assert.ThrowsAsync<SnsPublishException>(() =>
            FakeClock.RunAsync(_clock, Publisher().PublishAsync(Sample, Topic(sns)), TimeSpan.FromMilliseconds(100)));

        Assert.Equal(("Throttling", SnsFailureKind.Throttled, 5), (error.Code, error.Kind, error.Attempts));
        Assert.Equal("Rate exceeded (gave up after 5 attempts)", error.Message);
        Assert.Equal(5, sns.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_before_sending_are_retried_and_reported_as_NetworkError()
    {
        var topic = new SnsTopic(Arn(), new Uri($"http://127.0.0.1:{FreePort.Next()}/"));

        var error = await Assert.ThrowsAsync<SnsPublishException>(() =>
            FakeClock.RunAsync(_clock, Publisher().PublishAsync(Sample, topic), TimeSpan.FromMilliseconds(100)));

        Assert.Equal(("NetworkError", SnsFailureKind.NotSent, 5), (error.Code, error.Kind, error.Attempts));
    }

    [Fact]
    public async Task A_connection_that_breaks_before_the_status_line_is_interrupted_and_retried()
    {
        await using var sns = new ResettingSns("after-reset");

        var receipt = await FakeClock.RunAsync(_clock, Publisher().PublishAsync(Sample, new SnsTopic(Arn(), sns.Endpoint)), TimeSpan.FromMilliseconds(50));

        Assert.Equal(("after-reset", 2), (receipt.MessageId, receipt.Attempts));
        Assert.Equal(2, sns.Requests);
    }

    [Fact]
    public async Task One_attempt_against_a_reset_reports_Interrupted_with_no_status()
    {
        await using var sns = new ResettingSns("unused");
        var attempt = new SnsAttempt(_http, AwsCredentialsSource.Fixed("AKIDTEST", "test-secret"), TimeProvider.System);

        var result = await attempt.SendAsync("Action=Publish"u8.ToArray(), new SnsTopic(Arn(), sns.Endpoint), null, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal((SnsFailureKind.Interrupted, "NetworkError", null), (result.Failure!.Kind, result.Failure.Code, result.Failure.HttpStatus));
    }

    [Fact]
    public void Only_throttling_server_errors_and_requests_that_never_arrived_or_broke_off_are_transient()
    {
        var transient = Enum.GetValues<SnsFailureKind>()
            .Where(kind => SnsPublisher.Classify(SnsAttemptResult.Failed(kind, "c", null, "m")) == RetryClass.Transient);

        Assert.Equal([SnsFailureKind.Throttled, SnsFailureKind.ServerError, SnsFailureKind.NotSent, SnsFailureKind.Interrupted], transient);
        Assert.Equal(RetryClass.Final, SnsPublisher.Classify(SnsAttemptResult.Delivered("id")));
        Assert.Equal(RetryClass.Final, SnsPublisher.Classify(SnsAttemptResult.DeliveredWithoutId("cut")));
    }

    [Fact]
    public async Task Retries_stop_when_the_next_one_could_not_finish_before_the_deadline()
    {
        await using var sns = new FakeSns(FakeSns.Throttling);
        var deadline = _clock.GetUtcNow().AddSeconds(3);
        // Waits of 1 s, then 2 s: the second retry would start after the deadline less its reserve, so it is not tried.
        var slow = RetryStrategyOptions.Default(() => 1.0) with { BaseDelay = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<SnsPublishException>(() =>
            FakeClock.RunAsync(_clock, Publisher(slow).PublishAsync(Sample, Topic(sns), deadline), TimeSpan.FromMilliseconds(50)));

        Assert.Equal(("Throttling", 2), (error.Code, error.Attempts));
        Assert.EndsWith("(gave up after 2 attempts: the invocation deadline is near)", error.Message, StringComparison.Ordinal);
        Assert.True(_clock.GetUtcNow() < deadline, "gave up only after the deadline");
        Assert.Equal(2, sns.Requests.Count);
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_deadline_has_already_passed()
    {
        await using var sns = new FakeSns(FakeSns.Published("too-late"));

        await Assert.ThrowsAsync<DeadlineExceededException>(() =>
            Publisher().PublishAsync(Sample, Topic(sns), _clock.GetUtcNow().AddSeconds(-1)));

        Assert.Empty(sns.Requests);
    }

    [Fact]
    public async Task Requests_are_signed_for_sns_in_the_topic_region_and_carry_the_trace_header()
    {
        await using var sns = new FakeSns(FakeSns.Published("signed"));
        var topic = new SnsTopic(Arn("eu-west-3"), sns.Endpoint);

        await Publisher().PublishAsync(Sample, topic, traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

        var request = Assert.Single(sns.Requests);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDTEST/\d{8}/eu-west-3/sns/aws4_request, SignedHeaders=[a-z0-9;-]*content-type[a-z0-9;-]*, Signature=[0-9a-f]{64}$",
            request.Headers["Authorization"]);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", request.Headers["X-Amzn-Trace-Id"]);
        Assert.Equal("arn:aws:sns:eu-west-3:123456789012:alerts", request.Field("TopicArn"));
    }

    [Fact]
    public async Task A_connect_timeout_is_a_network_error_before_sending_and_is_retried()
    {
        await using var sns = new FakeSns(FakeSns.Published("after-connect-timeout"));
        using var http = new HttpClient(new ConnectTimeoutOnce(new SocketsHttpHandler()));
        var publisher = new SnsPublisher(http, AwsCredentialsSource.Fixed("AKIDTEST", "test-secret"), _clock, RetryStrategyOptions.Default(() => 0.1));

        var receipt = await FakeClock.RunAsync(_clock, publisher.PublishAsync(Sample, Topic(sns)), TimeSpan.FromMilliseconds(10));

        Assert.Equal(("after-connect-timeout", 2), (receipt.MessageId, receipt.Attempts));
        Assert.Single(sns.Requests);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Fails the first request the way SocketsHttpHandler's ConnectTimeout does.</summary>
    private sealed class ConnectTimeoutOnce(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new TaskCanceledException("The operation was canceled.", new TimeoutException("A connection could not be established within the configured ConnectTimeout."))
                : base.SendAsync(request, cancellationToken);
    }

    private SnsPublisher Publisher(double jitter = 0.1) => Publisher(RetryStrategyOptions.Default(() => jitter));

    private SnsPublisher Publisher(RetryStrategyOptions options) =>
        new(_http, AwsCredentialsSource.Fixed("AKIDTEST", "test-secret"), _clock, options);

    internal static TopicArn Arn(string region = "us-east-1", string name = "alerts")
    {
        Assert.True(TopicArn.TryParse($"arn:aws:sns:{region}:123456789012:{name}", out var arn, out var error), error);
        return arn!;
    }

    private static SnsTopic Topic(FakeSns sns) => new(Arn(), sns.Endpoint);
}
