namespace CloudTrailNotifier.Resilience;

/// <summary>
/// How a call to AWS is tried again: exponential backoff with full jitter, a bounded number of attempts, and a
/// deadline that no attempt or wait may cross (less <see cref="DeadlineReserve"/>, kept to report the failure).
/// </summary>
/// <param name="AttemptTimeout">
/// How long one attempt may wait for an answer when there is no deadline. With a deadline, an attempt may use all
/// the time left before it: an attempt cut short while the request is still in flight could be delivered and then
/// sent again, so it is given every chance to finish instead.
/// </param>
/// <param name="MinAttemptTime">No retry is started with less time than this left before the deadline.</param>
/// <param name="Jitter">Returns a number in [0, 1); injected so tests are deterministic.</param>
internal sealed record RetryStrategyOptions(
    int MaxAttempts,
    TimeSpan BaseDelay,
    TimeSpan MaxDelay,
    TimeSpan AttemptTimeout,
    TimeSpan MinAttemptTime,
    TimeSpan DeadlineReserve,
    Func<double> Jitter)
{
    /// <summary>
    /// Five attempts, 100 ms doubling up to 5 s, 30 s per attempt without a deadline, no retry with less than
    /// 250 ms to run, and 500 ms kept to report a failure.
    /// </summary>
    public static RetryStrategyOptions Default(Func<double> jitter) => new(
        MaxAttempts: 5,
        BaseDelay: TimeSpan.FromMilliseconds(100),
        MaxDelay: TimeSpan.FromSeconds(5),
        AttemptTimeout: TimeSpan.FromSeconds(30),
        MinAttemptTime: TimeSpan.FromMilliseconds(250),
        DeadlineReserve: TimeSpan.FromMilliseconds(500),
        Jitter: jitter);

    /// <summary>
    /// Three attempts, 50 ms doubling up to 400 ms, 2 s per attempt: the state table may only delay a notification
    /// briefly before the function fails open and sends it anyway.
    /// </summary>
    public static RetryStrategyOptions StateStore(Func<double> jitter) => new(
        MaxAttempts: 3,
        BaseDelay: TimeSpan.FromMilliseconds(50),
        MaxDelay: TimeSpan.FromMilliseconds(400),
        AttemptTimeout: TimeSpan.FromSeconds(2),
        MinAttemptTime: TimeSpan.FromMilliseconds(250),
        DeadlineReserve: TimeSpan.FromSeconds(2),
        Jitter: jitter);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        var jitter = Math.Clamp(Jitter(), 0, 1);
        return TimeSpan.FromMilliseconds(ceiling * jitter);
    }
}
