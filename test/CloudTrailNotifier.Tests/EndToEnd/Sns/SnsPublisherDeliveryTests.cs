using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.EndToEnd.Sns;

/// <summary>Never amplify a delivery, never echo signed material: a scripted SNS counts what reached it.</summary>
public sealed class SnsPublisherDeliveryTests : IDisposable
{
    private readonly HttpClient _http = AwsHttp.Create();

    [Fact]
    public async Task A_2xx_answer_with_a_cut_body_is_a_success_with_unknown_message_id_and_is_sent_once()
    {
        await using var sns = new FakeSns(FakeSns.CutPublished("never-read", 30), FakeSns.Published("a-second-copy"));

        var receipt = await Publisher(TimeProvider.System).PublishAsync(SnsPublisherRetryTests.Sample, Topic(sns));

        Assert.Null(receipt.MessageId);
        Assert.Contains("cut off; MessageId unknown", receipt.Note, StringComparison.Ordinal);
        await Task.Delay(200); // nothing is sent late, either
        Assert.Single(sns.Requests);
    }

    [Theory]
    [InlineData(200, 100_000)]
    [InlineData(200, 0)]
    [InlineData(202, 10)]
    public async Task A_2xx_answer_that_is_too_large_or_carries_no_message_id_is_sent_once(int status, int length)
    {
        await using var sns = new FakeSns(new FakeSns.Answer(status, new string('x', length)), FakeSns.Published("a-second-copy"));

        var receipt = await Publisher(TimeProvider.System).PublishAsync(SnsPublisherRetryTests.Sample, Topic(sns));

        Assert.Null(receipt.MessageId);
        Assert.EndsWith("MessageId unknown", receipt.Note, StringComparison.Ordinal);
        Assert.Single(sns.Requests);
    }

    [Fact]
    public async Task A_slow_answer_is_waited_for_until_the_deadline_instead_of_being_cut_and_sent_again()
    {
        await using var sns = new FakeSns(FakeSns.Published("slow-but-sure") with { Delay = TimeSpan.FromMilliseconds(400) }, FakeSns.Published("a-second-copy"));
        // Without a deadline an attempt would be cut at 100 ms; with one, it may use all the time left.
        var options = RetryStrategyOptions.Default(() => 0) with { AttemptTimeout = TimeSpan.FromMilliseconds(100) };
        var publisher = new SnsPublisher(_http, Credentials, TimeProvider.System, options);

        var receipt = await publisher.PublishAsync(SnsPublisherRetryTests.Sample, Topic(sns), DateTimeOffset.UtcNow.AddSeconds(20));

        Assert.Equal(("slow-but-sure", 1), (receipt.MessageId, receipt.Attempts));
        Assert.Single(sns.Requests);
    }

    [Fact]
    public async Task An_attempt_unanswered_at_the_deadline_is_not_sent_again_and_says_it_may_have_been_published()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sns = new FakeSns(FakeSns.Hang, FakeSns.Published("a-second-copy"));
        var deadline = clock.GetUtcNow().AddSeconds(30);

        var error = await Assert.ThrowsAsync<DeadlineExceededException>(() => FakeClock.RunAsync(
            clock, Publisher(clock).PublishAsync(SnsPublisherRetryTests.Sample, Topic(sns), deadline), TimeSpan.FromMilliseconds(500)));

        Assert.Contains("may or may not have been published", error.Message, StringComparison.Ordinal);
        Assert.True(clock.GetUtcNow() >= deadline.AddMilliseconds(-500), "the attempt was cut before its time was up");
        Assert.Single(sns.Requests);
    }

    [Fact]
    public async Task Without_a_deadline_an_attempt_that_times_out_is_not_resent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sns = new FakeSns(FakeSns.Hang, FakeSns.Published("a-second-copy"));

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => FakeClock.RunAsync(
            clock, Publisher(clock).PublishAsync(SnsPublisherRetryTests.Sample, Topic(sns)), TimeSpan.FromSeconds(1)));

        Assert.Equal(("RequestTimeout", SnsFailureKind.TimedOut, 1), (error.Code, error.Kind, error.Attempts));
        Assert.Single(sns.Requests);
    }

    [Fact]
    public async Task An_error_echoing_the_canonical_request_and_string_to_sign_keeps_no_token_and_is_capped()
    {
        await using var sns = new FakeSns(EchoingSns.SignatureDoesNotMatch);

        var error = await Assert.ThrowsAsync<SnsPublishException>(() =>
            Publisher(TimeProvider.System).PublishAsync(SnsPublisherRetryTests.Sample, Topic(sns)));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("[signing details removed]", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length <= SnsErrorText.MaxChars + 30, error.Message);
        Assert.All(EchoingSns.Forbidden, fragment => Assert.DoesNotContain(fragment, error.Message, StringComparison.OrdinalIgnoreCase));
        Assert.True(sns.Requests.Single().Headers["X-Amz-Security-Token"] == EchoingSns.SessionToken, "the test did not sign with the token");
    }

    [Fact]
    public async Task An_error_repeating_the_token_without_any_marker_still_keeps_no_token()
    {
        await using var sns = new FakeSns(EchoingSns.BareTokenEcho);

        var error = await Assert.ThrowsAsync<SnsPublishException>(() =>
            Publisher(TimeProvider.System).PublishAsync(SnsPublisherRetryTests.Sample, Topic(sns)));

        Assert.StartsWith("Invalid parameter: value [redacted", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(EchoingSns.SessionToken[..24], error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private static AwsCredentialsSource Credentials => EchoingSns.Credentials;

    private SnsPublisher Publisher(TimeProvider clock) => new(_http, Credentials, clock, RetryStrategyOptions.Default(() => 0.1));

    private static SnsTopic Topic(FakeSns sns) => new(SnsPublisherRetryTests.Arn(), sns.Endpoint);
}
