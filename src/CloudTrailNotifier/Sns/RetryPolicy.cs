namespace CloudTrailNotifier.Sns;

/// <summary>
/// When a failed publish is tried again: exponential backoff with full jitter, a bounded number of attempts,
/// a timeout per attempt, no retry that could not finish before the deadline, and time kept back before
/// the deadline to report the failure.
/// </summary>
/// <param name="Jitter">Returns a number in [0, 1); injected so tests are deterministic.</param>
internal sealed record RetryPolicy(
    int MaxAttempts,
    TimeSpan BaseDelay,
    TimeSpan MaxDelay,
    TimeSpan AttemptTimeout,
    TimeSpan MinAttemptTime,
    TimeSpan DeadlineReserve,
    Func<double> Jitter)
{
    /// <summary>
    /// Five attempts, 100 ms doubling up to 5 s, at most 10 s per attempt, no retry with less than 250 ms
    /// to run, and 500 ms kept to report a failure.
    /// </summary>
    public static RetryPolicy Default(Func<double> jitter) => new(
        MaxAttempts: 5,
        BaseDelay: TimeSpan.FromMilliseconds(100),
        MaxDelay: TimeSpan.FromSeconds(5),
        AttemptTimeout: TimeSpan.FromSeconds(10),
        MinAttemptTime: TimeSpan.FromMilliseconds(250),
        DeadlineReserve: TimeSpan.FromMilliseconds(500),
        Jitter: jitter);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        var jitter = Math.Clamp(Jitter(), 0, 1);
        return TimeSpan.FromMilliseconds(ceiling * jitter);
    }

    /// <summary>Throttling, server errors and network failures are retried; authentication and validation errors are not.</summary>
    public static bool IsRetryable(SnsPublishException error) =>
        error.HttpStatus is 429 or >= 500
        || error.Code is "Throttling" or "ThrottlingException" or "ThrottledException" or "Throttled"
            or "TooManyRequestsException" or "RequestLimitExceeded" or "RequestThrottled"
            or "RequestThrottledException" or "KMSThrottling" or "SlowDown"
            or "InternalError" or "InternalFailure" or "ServiceUnavailable"
            or "RequestTimeout" or "RequestTimeoutException" or "PriorRequestNotComplete"
            or "NetworkError";
}
