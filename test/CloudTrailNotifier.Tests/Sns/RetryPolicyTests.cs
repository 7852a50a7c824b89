using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Tests.Sns;

public sealed class RetryPolicyTests
{
    [Fact]
    public void The_ceiling_doubles_per_retry_up_to_the_maximum()
    {
        var policy = RetryPolicy.Default(() => 1.0);

        var delays = Enumerable.Range(1, 8).Select(policy.DelayBeforeRetry).Select(d => d.TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1600, 3200, 5000, 5000], delays);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.25, 100)]
    [InlineData(0.5, 200)]
    public void Jitter_scales_the_wait_between_zero_and_the_ceiling(double jitter, double expectedMs)
    {
        Assert.Equal(expectedMs, RetryPolicy.Default(() => jitter).DelayBeforeRetry(3).TotalMilliseconds);
    }

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("KMSThrottling", 400, true)]
    [InlineData("Anything", 429, true)]
    [InlineData("InternalError", 500, true)]
    [InlineData("Http503", 503, true)]
    [InlineData("NetworkError", null, true)]
    [InlineData("RequestTimeout", null, true)]
    [InlineData("SignatureDoesNotMatch", 403, false)]
    [InlineData("InvalidClientTokenId", 403, false)]
    [InlineData("InvalidParameter", 400, false)]
    [InlineData("NotFound", 404, false)]
    [InlineData("CredentialsUnavailable", null, false)]
    [InlineData("InvalidResponse", 200, false)]
    public void Only_throttling_server_and_network_errors_are_retryable(string code, int? status, bool retryable)
    {
        Assert.Equal(retryable, RetryPolicy.IsRetryable(new SnsPublishException(code, "m", status)));
    }
}
