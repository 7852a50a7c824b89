namespace CloudTrailNotifier.Resilience;

/// <summary>
/// Runs an attempt until its result is final, the attempts run out, or the deadline comes too close. In the shape
/// of Polly.Core's retry strategy (options, a classification of results, an outcome), reduced to what a Lambda
/// function with a hard deadline needs; any AWS call (SNS today, DynamoDB, S3, SQS later) can use it.
/// </summary>
internal sealed class RetryStrategy(RetryStrategyOptions options, TimeProvider clock)
{
    public RetryStrategyOptions Options => options;

    /// <param name="attempt">One attempt; it must honour the context's timeout and return, not throw, its failures.</param>
    /// <param name="classify">Final or transient, by the result's own kind.</param>
    /// <param name="deadline">No attempt starts after it (less the reserve) and none may run past it; null: none.</param>
    public async Task<RetryOutcome<T>> ExecuteAsync<T>(
        Func<AttemptContext, CancellationToken, Task<T>> attempt,
        Func<T, RetryClass> classify,
        DateTimeOffset? deadline,
        CancellationToken cancellationToken)
    {
        T? last = default;
        for (var number = 1; ; number++)
        {
            var context = new AttemptContext(number, options.AttemptTimeout, TimeoutIsDeadline: false);
            if (deadline is { } end)
            {
                var left = end - options.DeadlineReserve - clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    return new RetryOutcome<T>(last, number - 1, number == 1 ? RetryStopReason.DeadlinePassed : RetryStopReason.DeadlineNear);
                }

                context = new AttemptContext(number, left, TimeoutIsDeadline: true);
            }

            last = await attempt(context, cancellationToken).ConfigureAwait(false);
            if (classify(last) == RetryClass.Final)
            {
                return new RetryOutcome<T>(last, number, RetryStopReason.Final);
            }

            if (number >= options.MaxAttempts)
            {
                return new RetryOutcome<T>(last, number, RetryStopReason.AttemptsExhausted);
            }

            var delay = options.DelayBeforeRetry(number);
            if (deadline is { } limit && clock.GetUtcNow() + delay + options.MinAttemptTime > limit - options.DeadlineReserve)
            {
                return new RetryOutcome<T>(last, number, RetryStopReason.DeadlineNear);
            }

            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
