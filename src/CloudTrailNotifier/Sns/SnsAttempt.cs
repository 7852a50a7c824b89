using System.Net.Sockets;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.Sns;

/// <summary>
/// One signed Publish request and what came of it, as a typed result: never throws for SNS's or the network's
/// failures. Once a 2xx status line has arrived the message is published, whatever happens to the body after it.
/// </summary>
internal sealed class SnsAttempt(HttpClient http, AwsCredentialsSource credentials, TimeProvider clock)
{
    private const string SigningService = "sns";

    /// <summary>Larger 2xx answers are not read to the end (SNS's are well under 1 KB).</summary>
    private const int MaxAnswerBytes = 64 * 1024;

    public async Task<SnsAttemptResult> SendAsync(byte[] body, SnsTopic topic, string? traceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, topic.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", PublishForm.ContentType);
        request.Headers.TryAddWithoutValidation("User-Agent", "CloudTrailNotifier");

        AWSCredentials signingCredentials;
        try
        {
            signingCredentials = credentials.Get();
            await SigV4Signer.SignAsync(
                request, body, PublishForm.ContentType, signingCredentials,
                topic.Arn.Region, SigningService, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            return SnsAttemptResult.Failed(SnsFailureKind.CredentialsUnavailable, "CredentialsUnavailable", null, CredentialsError.Describe(ex));
        }

        if (!string.IsNullOrEmpty(traceId))
        {
            // Not signed: tracing may rewrite it on the way.
            request.Headers.TryAddWithoutValidation("X-Amzn-Trace-Id", traceId);
        }

        using var attemptTimeout = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return SnsAttemptResult.Failed(SnsFailureKind.TimedOut, "RequestTimeout", null,
                $"no answer from SNS within {timeout.TotalSeconds:0.###} s; the notification may or may not have been published");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The handler's connect timeout surfaces as a cancellation nobody asked for: nothing was sent.
            return SnsAttemptResult.Failed(SnsFailureKind.NotSent, "NetworkError",
                null, "could not connect to SNS: " + FirstLine(ex.InnerException?.Message ?? ex.Message));
        }
        catch (HttpRequestException ex)
        {
            var kind = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
                ? SnsFailureKind.NotSent
                : SnsFailureKind.Interrupted;
            return SnsAttemptResult.Failed(kind, "NetworkError", null, DescribeNetworkError(ex));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var (answer, unread) = await ReadAnswerAsync(response, linked.Token, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                // Published: from here on, nothing may send it again.
                if (unread is not null)
                {
                    return SnsAttemptResult.DeliveredWithoutId($"SNS answered HTTP {status} but {unread}; MessageId unknown");
                }

                return SnsResponseReader.ReadMessageId(answer) is { } messageId
                    ? SnsAttemptResult.Delivered(SnsErrorText.Clean(messageId))
                    : SnsAttemptResult.DeliveredWithoutId($"SNS answered HTTP {status} without a readable MessageId; MessageId unknown");
            }

            var (code, message) = SnsResponseReader.ReadError(answer);
            var secrets = Secrets(signingCredentials);
            var cleanCode = code is null ? $"Http{status}" : SnsErrorText.CleanCode(code);
            var text = message is null ? $"SNS answered HTTP {status} {response.ReasonPhrase}".TrimEnd() : SnsErrorText.Clean(message, secrets);
            return SnsAttemptResult.Failed(Classify(status, cleanCode), cleanCode, status, text);
        }
    }

    /// <summary>Throttling and server errors are worth another attempt; every other answer is SNS's last word.</summary>
    private static SnsFailureKind Classify(int status, string code)
    {
        if (status == 429 || SnsErrorCodes.IsThrottling(code))
        {
            return SnsFailureKind.Throttled;
        }

        return status >= 500 || SnsErrorCodes.IsServerSide(code) ? SnsFailureKind.ServerError : SnsFailureKind.Refused;
    }

    /// <summary>The body, or why it could not be read (cut off, too large, timed out): never an exception.</summary>
    private static async Task<(byte[] Body, string? Unread)> ReadAnswerAsync(HttpResponseMessage response, CancellationToken attempt, CancellationToken caller)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(attempt).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, attempt).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxAnswerBytes)
                {
                    return (buffer.ToArray(), $"its answer is larger than {MaxAnswerBytes / 1024} KB");
                }
            }

            return (buffer.ToArray(), null);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return ([], "its answer did not arrive in time");
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException)
        {
            return ([], "its answer was cut off");
        }
    }

    private static string?[] Secrets(AWSCredentials credentials)
    {
        try
        {
            var immutable = credentials.GetCredentials();
            return [immutable.SecretKey, immutable.Token];
        }
        catch (AmazonClientException)
        {
            return [];
        }
    }

    private static string DescribeNetworkError(HttpRequestException ex) =>
        ex.InnerException is SocketException socket
            ? $"{FirstLine(ex.Message)} ({socket.SocketErrorCode})"
            : FirstLine(ex.Message);

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return SnsErrorText.Clean((end < 0 ? text : text[..end]).Trim());
    }
}
