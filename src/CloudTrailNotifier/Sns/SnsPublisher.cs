using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Resilience;

namespace CloudTrailNotifier.Sns;

/// <summary>
/// Publishes notifications through the SNS Query API: one <see cref="SnsAttempt"/> at a time under a
/// <see cref="RetryStrategy"/>. Throttling, server errors and requests that never left are tried again; a 2xx
/// answer, a refusal and an attempt still unanswered when its time ran out are not, so one event is not
/// published twice where that can be avoided.
/// </summary>
internal sealed class SnsPublisher(SnsAttempt attempt, RetryStrategy retry)
{
    public SnsPublisher(HttpClient http, AwsCredentialsSource credentials, TimeProvider clock, RetryStrategyOptions options)
        : this(new SnsAttempt(http, credentials, clock), new RetryStrategy(options, clock))
    {
    }

    /// <summary>Publishes one notification to <paramref name="topic"/>.</summary>
    /// <param name="deadline">
    /// No attempt starts after this (less the strategy's reserve to report a failure), an attempt may use the time
    /// left before it, and no retry is made that could not finish before it; null means no deadline.
    /// </param>
    /// <param name="traceId">An X-Ray trace header passed on to SNS, when there is one.</param>
    /// <exception cref="SnsPublishException">SNS refused, or every attempt failed.</exception>
    /// <exception cref="DeadlineExceededException">The deadline arrived before SNS answered.</exception>
    public async Task<PublishReceipt> PublishAsync(
        Notification notification,
        SnsTopic topic,
        DateTimeOffset? deadline = null,
        string? traceId = null,
        CancellationToken cancellationToken = default)
    {
        var body = PublishForm.Encode(notification, topic.Arn);
        var outcome = await retry.ExecuteAsync(
            (context, token) => Timed(context, attempt.SendAsync(body, topic, traceId, context.Timeout, token)),
            result => Classify(result.Result),
            deadline,
            cancellationToken).ConfigureAwait(false);

        if (outcome.StopReason == RetryStopReason.DeadlinePassed)
        {
            throw new DeadlineExceededException("the invocation deadline is too close to publish");
        }

        var (result, timeoutWasDeadline) = outcome.Result;
        if (result!.Failure is not { } failure)
        {
            return new PublishReceipt(result.MessageId, result.Note, outcome.Attempts);
        }

        if (failure.Kind == SnsFailureKind.TimedOut && timeoutWasDeadline)
        {
            throw new DeadlineExceededException(
                $"no answer from SNS before the invocation deadline (attempt {outcome.Attempts}); the notification may or may not have been published");
        }

        var message = outcome.StopReason switch
        {
            RetryStopReason.AttemptsExhausted => $"{failure.Message} (gave up after {outcome.Attempts} attempts)",
            RetryStopReason.DeadlineNear => $"{failure.Message} (gave up after {outcome.Attempts} attempts: the invocation deadline is near)",
            _ => failure.Message,
        };
        throw new SnsPublishException(failure, message, outcome.Attempts);
    }

    /// <summary>Throttling, server errors and requests that were never sent or broke off are transient.</summary>
    public static RetryClass Classify(SnsAttemptResult result) => result.Failure?.Kind switch
    {
        SnsFailureKind.Throttled or SnsFailureKind.ServerError or SnsFailureKind.NotSent or SnsFailureKind.Interrupted => RetryClass.Transient,
        _ => RetryClass.Final,
    };

    private static async Task<(SnsAttemptResult Result, bool TimeoutWasDeadline)> Timed(AttemptContext context, Task<SnsAttemptResult> sending) =>
        (await sending.ConfigureAwait(false), context.TimeoutIsDeadline);
}
