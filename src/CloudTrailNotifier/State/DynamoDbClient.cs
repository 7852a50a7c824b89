using System.Text.Json;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.State;

/// <summary>
/// DynamoDB's JSON 1.0 protocol, signed with AWSSDK.Core's SigV4 signer as SNS is: a POST of one operation's
/// JSON with <c>X-Amz-Target: DynamoDB_20120810.Operation</c>. Four operations, no reflection, and none of the
/// generated service client (see README: package size). Retried within the deadline like SNS.
/// </summary>
internal sealed class DynamoDbClient(HttpClient http, AwsCredentialsSource credentials, TimeProvider clock, Uri endpoint, string region, RetryStrategy retry)
{
    private const string ContentType = "application/x-amz-json-1.0";

    /// <summary>Sends <paramref name="body"/> as <paramref name="operation"/>; a failed condition is an answer, not an error.</summary>
    /// <exception cref="StateStoreException">No usable answer within the attempts and the deadline.</exception>
    public async Task<DynamoDbAnswer> CallAsync(string operation, byte[] body, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var outcome = await retry.ExecuteAsync(
            (context, token) => AttemptAsync(operation, body, (context.Timeout < retry.Options.AttemptTimeout ? context.Timeout : retry.Options.AttemptTimeout), token),
            answer => answer.Transient ? RetryClass.Transient : RetryClass.Final,
            deadline,
            cancellationToken).ConfigureAwait(false);
        var answer = outcome.Result;
        if (answer is null)
        {
            throw new StateStoreException("DeadlineExceeded", $"DynamoDB {operation}: the invocation deadline is too close");
        }

        if (answer.Succeeded || answer.ConditionFailed)
        {
            return answer;
        }

        throw new StateStoreException(answer.ErrorCode ?? $"Http{answer.Status}",
            $"DynamoDB {operation}: {answer.ErrorMessage ?? "HTTP " + answer.Status} (after {outcome.Attempts} attempts)");
    }

    private async Task<DynamoDbAnswer> AttemptAsync(string operation, byte[] body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + operation);
        request.Headers.TryAddWithoutValidation("User-Agent", "CloudTrailNotifier");
        try
        {
            await SigV4Signer.SignAsync(request, body, ContentType, credentials.Get(), region, "dynamodb", clock.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            return new DynamoDbAnswer(400, null, "CredentialsUnavailable", CredentialsError.Describe(ex));
        }

        using var attemptTimeout = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            JsonElement? json = null;
            try
            {
                json = bytes.Length == 0 ? null : JsonDocument.Parse(bytes).RootElement;
            }
            catch (JsonException)
            {
            }

            if (response.IsSuccessStatusCode)
            {
                return new DynamoDbAnswer(status, json, null, null);
            }

            var type = json is { ValueKind: JsonValueKind.Object } error && error.TryGetProperty("__type", out var t) ? t.GetString() : null;
            var message = json is { ValueKind: JsonValueKind.Object } e2 && (e2.TryGetProperty("message", out var m) || e2.TryGetProperty("Message", out m))
                ? m.GetString()
                : null;
            var code = type is null ? null : type[(type.LastIndexOf('#') + 1)..];
            return new DynamoDbAnswer(status, json, code is null ? null : SnsErrorText.CleanCode(code), message is null ? null : SnsErrorText.Clean(message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DynamoDbAnswer(0, null, "RequestTimeout", $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            return new DynamoDbAnswer(0, null, "NetworkError", SnsErrorText.Clean(ex.Message));
        }
    }
}
