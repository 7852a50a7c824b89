using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.State;

/// <summary>
/// Every call to the state table goes through here: one attempt per SDK call (the client itself never retries,
/// see <see cref="DynamoDbClients"/>), each with its own timeout, retried by <see cref="RetryStrategy"/> within the
/// invocation deadline as SNS is. A failed condition is an answer, not an error.
/// </summary>
internal sealed class DynamoDbCalls(IAmazonDynamoDB client, RetryStrategy retry, TimeProvider clock)
{
    public IAmazonDynamoDB Client => client;

    /// <exception cref="StateStoreException">No usable answer within the attempts and the deadline.</exception>
    public async Task<DynamoDbAnswer<T>> CallAsync<T>(
        string operation, Func<IAmazonDynamoDB, CancellationToken, Task<T>> call, DateTimeOffset? deadline, CancellationToken cancellationToken)
        where T : class
    {
        var outcome = await retry.ExecuteAsync(
            (context, token) => AttemptAsync(call, context.Timeout < retry.Options.AttemptTimeout ? context.Timeout : retry.Options.AttemptTimeout, token),
            answer => answer.Transient ? RetryClass.Transient : RetryClass.Final,
            deadline,
            cancellationToken).ConfigureAwait(false);
        var answer = outcome.Result
            ?? throw new StateStoreException("DeadlineExceeded", $"DynamoDB {operation}: the invocation deadline is too close");
        if (answer.Succeeded || answer.ConditionFailed)
        {
            return answer;
        }

        throw new StateStoreException(answer.ErrorCode ?? $"Http{answer.Status}",
            $"DynamoDB {operation}: {answer.ErrorMessage ?? "HTTP " + answer.Status} (after {outcome.Attempts} attempts)");
    }

    private async Task<DynamoDbAnswer<T>> AttemptAsync<T>(Func<IAmazonDynamoDB, CancellationToken, Task<T>> call, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        using var attemptTimeout = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            return DynamoDbAnswer<T>.Ok(await call(client, linked.Token).ConfigureAwait(false));
        }
        catch (ConditionalCheckFailedException ex)
        {
            return DynamoDbAnswer<T>.Condition(ex.Item);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DynamoDbAnswer<T>.Error(0, "RequestTimeout", $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (AmazonServiceException ex) when (ex.StatusCode != 0 && ex.InnerException is not HttpRequestException)
        {
            var code = string.IsNullOrEmpty(ex.ErrorCode) ? $"Http{(int)ex.StatusCode}" : SnsErrorText.CleanCode(ex.ErrorCode);
            return DynamoDbAnswer<T>.Error((int)ex.StatusCode, code, string.IsNullOrEmpty(ex.Message) ? null : SnsErrorText.Clean(ex.Message));
        }
        catch (Exception ex) when (Network(ex) is { } network)
        {
            return DynamoDbAnswer<T>.Error(0, "NetworkError", SnsErrorText.Clean(network.Message));
        }
        catch (AmazonClientException ex)
        {
            // Raised before anything was sent: above all, no credentials (SourceCredentials resolves them here).
            return DynamoDbAnswer<T>.Error(400, "CredentialsUnavailable", CredentialsError.Describe(ex));
        }
    }

    /// <summary>The request never got an HTTP answer: a refused or broken connection, directly or wrapped by the SDK.</summary>
    private static Exception? Network(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or IOException or WebException)
            {
                return e;
            }
        }

        return null;
    }
}
