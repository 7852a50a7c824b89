using System.Diagnostics;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Sns;

public sealed class SnsPublisherRetryTests : IDisposable
{
    private static readonly Notification Sample = new("Subject", "Message", [new MessageAttribute("eventName", "GetSecretValue")], null);
    private readonly HttpClient _http = AwsHttp.Create();

    [Fact]
    public async Task Throttling_twice_then_success_returns_the_message_id_of_the_third_attempt()
    {
        await using var sns = new FakeSns(FakeSns.Throttling, FakeSns.Throttling, FakeSns.Published("third-time-lucky"));

        var messageId = await Publisher(jitter: 1.0).PublishAsync(Sample, Topic(sns));

        Assert.Equal("third-time-lucky", messageId);
        var requests = sns.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.Equal("Publish", r.Field("Action")));
        // Backoff: the second retry waits twice as long as the first (100 ms, then 200 ms at jitter 1.0).
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(90));
        Assert.True(requests[2].ReceivedAt - requests[1].ReceivedAt >= TimeSpan.FromMilliseconds(190));
    }

    [Theory]
    [InlineData(400, "ThrottlingException")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(502, null)]
    public async Task Throttling_and_server_errors_are_retried(int status, string? code)
    {
        var failure = code is null ? new FakeSns.Answer(status, "<html>Bad Gateway</html>") : FakeSns.Error(status, code, "try later", "Receiver");
        await using var sns = new FakeSns(failure, FakeSns.Published("after-retry"));

        Assert.Equal("after-retry", await Publisher().PublishAsync(Sample, Topic(sns)));
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

        Assert.Equal(code, error.Code);
        Assert.Equal("no", error.Message);
        Assert.Single(sns.Requests);
    }

    [Fact]
    public async Task A_refusal_after_a_retry_stops_at_once_and_counts_the_attempts()
    {
        await using var sns = new FakeSns(FakeSns.Throttling, FakeSns.Error(403, "AuthorizationError", "denied"), FakeSns.Published("never"));

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher().PublishAsync(Sample, Topic(sns)));

        Assert.Equal(("AuthorizationError", "denied", 2), (error.Code, error.Message, error.Attempts));
        Assert.Equal(2, sns.Requests.Count);
    }

    [Fact]
    public async Task A_publish_that_keeps_failing_gives_up_after_the_last_attempt_with_the_aws_code()
    {
        await using var sns = new FakeSns(FakeSns.Throttling);

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher().PublishAsync(Sample, Topic(sns)));

        Assert.Equal("Throttling", error.Code);
        Assert.Equal(5, error.Attempts);
        Assert.StartsWith("Rate exceeded (gave up after 5 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, sns.Requests.Count);
    }

    [Fact]
    public async Task A_success_without_a_message_id_is_a_failure()
    {
        await using var sns = new FakeSns(new FakeSns.Answer(200, "<PublishResponse><PublishResult/></PublishResponse>"));

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher().PublishAsync(Sample, Topic(sns)));

        Assert.Equal("InvalidResponse", error.Code);
    }

    [Fact]
    public async Task Network_errors_are_retried_and_reported_as_NetworkError()
    {
        var closedPort = FreePort.Next();
        var topic = new SnsTopic(Arn(), new Uri($"http://127.0.0.1:{closedPort}/"));

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher().PublishAsync(Sample, topic));

        Assert.Equal("NetworkError", error.Code);
        Assert.Equal(5, error.Attempts);
    }

    [Fact]
    public async Task Retries_stop_before_the_deadline()
    {
        await using var sns = new FakeSns(FakeSns.Throttling);
        var deadline = DateTimeOffset.UtcNow.AddMilliseconds(3000);
        // Waits of 1 s, then 2 s: the second retry could not finish before the deadline, so it is not tried.
        var slow = RetryPolicy.Default(() => 1.0) with { BaseDelay = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher(slow).PublishAsync(Sample, Topic(sns), deadline));

        Assert.Equal("Throttling", error.Code);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("deadline", error.Message, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow < deadline, "gave up only after the deadline");
        Assert.Equal(2, sns.Requests.Count);
    }

    [Fact]
    public async Task A_hanging_endpoint_ends_in_DeadlineExceeded_before_the_deadline()
    {
        await using var sns = new FakeSns(FakeSns.Hang);
        var deadline = DateTimeOffset.UtcNow.AddMilliseconds(3000);
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeadlineExceededException>(() => Publisher().PublishAsync(Sample, Topic(sns), deadline));

        Assert.True(DateTimeOffset.UtcNow < deadline, $"the failure was reported after the deadline: {error.Message}");
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(2000), $"gave up after {stopwatch.Elapsed}, long before it had to");
        Assert.True(sns.Requests.Count <= 1, $"{sns.Requests.Count} requests: retried after the deadline cut the attempt");
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_deadline_has_already_passed()
    {
        await using var sns = new FakeSns(FakeSns.Published("too-late"));

        await Assert.ThrowsAsync<DeadlineExceededException>(() =>
            Publisher().PublishAsync(Sample, Topic(sns), DateTimeOffset.UtcNow.AddSeconds(-1)));

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

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_connect_timeout_is_a_network_error_and_is_retried()
    {
        await using var sns = new FakeSns(FakeSns.Published("after-connect-timeout"));
        using var http = new HttpClient(new ConnectTimeoutOnce(new SocketsHttpHandler()));
        var publisher = new SnsPublisher(http, AwsCredentialsSource.Fixed("AKIDTEST", "test-secret"), TimeProvider.System, RetryPolicy.Default(() => 0.1));

        Assert.Equal("after-connect-timeout", await publisher.PublishAsync(Sample, Topic(sns)));
        Assert.Single(sns.Requests);
    }

    /// <summary>Fails the first request the way SocketsHttpHandler's ConnectTimeout does.</summary>
    private sealed class ConnectTimeoutOnce(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new TaskCanceledException("The operation was canceled.", new TimeoutException("A connection could not be established within the configured ConnectTimeout."))
                : base.SendAsync(request, cancellationToken);
    }

    private SnsPublisher Publisher(double jitter = 0.1) => Publisher(RetryPolicy.Default(() => jitter));

    private SnsPublisher Publisher(RetryPolicy policy) =>
        new(_http, AwsCredentialsSource.Fixed("AKIDTEST", "test-secret"), TimeProvider.System, policy);

    private static TopicArn Arn(string region = "us-east-1")
    {
        Assert.True(TopicArn.TryParse($"arn:aws:sns:{region}:123456789012:alerts", out var arn, out var error), error);
        return arn!;
    }

    private static SnsTopic Topic(FakeSns sns) => new(Arn(), sns.Endpoint);
}
