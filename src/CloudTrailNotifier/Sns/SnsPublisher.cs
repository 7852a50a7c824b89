using System.Net.Sockets;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Sns;

/// <summary>
/// Publishes notifications through the SNS Query API: a SigV4-signed form POST, the MessageId read from the XML
/// answer, and retries with backoff for throttling, server and network errors within the caller's deadline.
/// Either returns a MessageId or throws; a publish is never reported done without one.
/// </summary>
internal sealed class SnsPublisher(HttpClient http, AwsCredentialsSource credentials, TimeProvider clock, RetryPolicy retry)
{
    private const string SigningService = "sns";

    /// <summary>Publishes one notification to <paramref name="topic"/>.</summary>
    /// <param name="deadline">
    /// No attempt starts after this (less the policy's reserve to report a failure), an attempt is cut short by it,
    /// and no retry is made that could not finish before it; null means no deadline.
    /// </param>
    /// <param name="traceId">An X-Ray trace header passed on to SNS, when there is one.</param>
    /// <returns>The SNS MessageId.</returns>
    /// <exception cref="SnsPublishException">SNS refused, or every attempt failed.</exception>
    /// <exception cref="DeadlineExceededException">The deadline arrived first.</exception>
    public async Task<string> PublishAsync(
        Notification notification,
        SnsTopic topic,
        DateTimeOffset? deadline = null,
        string? traceId = null,
        CancellationToken cancellationToken = default)
    {
        var body = PublishForm.Encode(notification, topic.Arn);
        for (var attempt = 1; ; attempt++)
        {
            var timeout = retry.AttemptTimeout;
            var cutByDeadline = false;
            if (deadline is { } end)
            {
                var left = end - retry.DeadlineReserve - clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    throw new DeadlineExceededException("the invocation deadline is too close to publish");
                }

                cutByDeadline = left < timeout;
                timeout = cutByDeadline ? left : timeout;
            }

            SnsPublishException failure;
            try
            {
                return await SendAsync(body, topic, traceId, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (SnsPublishException ex) when (ex.Code == "RequestTimeout" && cutByDeadline)
            {
                throw new DeadlineExceededException($"no answer from SNS before the invocation deadline (attempt {attempt})");
            }
            catch (SnsPublishException ex) when (RetryPolicy.IsRetryable(ex))
            {
                failure = ex;
            }
            catch (SnsPublishException ex) when (attempt > 1)
            {
                throw new SnsPublishException(ex.Code, ex.Message, ex.HttpStatus, ex) { Attempts = attempt };
            }

            if (attempt >= retry.MaxAttempts)
            {
                throw GaveUp(failure, attempt, null);
            }

            var delay = retry.DelayBeforeRetry(attempt);
            if (deadline is { } limit && clock.GetUtcNow() + delay + retry.MinAttemptTime > limit - retry.DeadlineReserve)
            {
                throw GaveUp(failure, attempt, "the invocation deadline is near");
            }

            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> SendAsync(byte[] body, SnsTopic topic, string? traceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, topic.Endpoint)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", PublishForm.ContentType);
        request.Headers.TryAddWithoutValidation("User-Agent", "CloudTrailNotifier");

        try
        {
            await SigV4Signer.SignAsync(
                request, body, PublishForm.ContentType, credentials.Get(),
                topic.Arn.Region, SigningService, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw new SnsPublishException("CredentialsUnavailable", DescribeCredentialsError(ex), inner: ex);
        }

        if (!string.IsNullOrEmpty(traceId))
        {
            // Not signed: tracing may rewrite it on the way.
            request.Headers.TryAddWithoutValidation("X-Amzn-Trace-Id", traceId);
        }

        using var attemptTimeout = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return SnsResponseReader.ReadMessageId(answer)
                    ?? throw new SnsPublishException("InvalidResponse", $"SNS answered HTTP {status} without a MessageId", status);
            }

            var (code, message) = SnsResponseReader.ReadError(answer);
            throw new SnsPublishException(
                code ?? $"Http{status}",
                message ?? $"SNS answered HTTP {status} {response.ReasonPhrase}".TrimEnd(),
                status);
        }
        catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SnsPublishException("RequestTimeout", $"no answer from SNS within {timeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The handler's connect timeout surfaces as a cancellation nobody asked for: a network error, retried.
            throw new SnsPublishException("NetworkError", "could not connect to SNS: " + FirstLine(ex.InnerException?.Message ?? ex.Message), inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SnsPublishException("NetworkError", DescribeNetworkError(ex), inner: ex);
        }
    }

    private static SnsPublishException GaveUp(SnsPublishException last, int attempts, string? why) =>
        new(last.Code, $"{last.Message} (gave up after {attempts} attempts{(why is null ? string.Empty : ": " + why)})", last.HttpStatus, last)
        {
            Attempts = attempts,
        };

    private static string DescribeNetworkError(HttpRequestException ex) =>
        ex.InnerException is SocketException socket
            ? $"{FirstLine(ex.Message)} ({socket.SocketErrorCode})"
            : FirstLine(ex.Message);

    /// <summary>
    /// The SDK lists one error per provider on its own line; keep them all, on one line, because the useful one
    /// (say, a profile of a type this build cannot use) is rarely the first.
    /// </summary>
    private static string DescribeCredentialsError(AmazonClientException ex)
    {
        var reasons = ex.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("Exception ", StringComparison.Ordinal) && line.Contains(": ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].TrimEnd('.'))
            .ToList();
        return reasons.Count > 0
            ? "no AWS credentials found: " + string.Join("; ", reasons)
            : "AWS credentials could not be obtained: " + FirstLine(ex.Message);
    }

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? text : text[..end]).Trim();
    }
}
