using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using CloudTrailNotifier.Redrive;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// The dead-letter queue through AWSSDK.SQS. The client is built explicitly (endpoint, signing region, credentials
/// from the project's chain): nothing is looked up by reflection, so it works under Native AOT.
/// </summary>
/// <param name="wait">How long a receive waits for a first message (long polling).</param>
/// <param name="visibility">How long a received message stays hidden: long enough to publish a batch, retries included.</param>
internal sealed class SqsDeadLetterQueue(IAmazonSQS sqs, string queueUrl, TimeSpan wait, TimeSpan visibility) : IDeadLetterQueue, IDisposable
{
    /// <summary>Fifteen minutes: ten publishes with every retry take far less; a run stopped hard frees its messages within it.</summary>
    public static readonly TimeSpan DefaultVisibility = TimeSpan.FromMinutes(15);

    public static SqsDeadLetterQueue Create(QueueAddress address, AWSCredentials credentials, TimeSpan wait)
    {
        // ServiceURL and RegionEndpoint exclude each other: the endpoint is always explicit, the signing region too.
        var config = new AmazonSQSConfig
        {
            ServiceURL = address.Endpoint.ToString(),
            AuthenticationRegion = address.Region,
            // A long poll holds the request open for up to 20 seconds.
            Timeout = wait + TimeSpan.FromSeconds(30),
        };
        return new SqsDeadLetterQueue(new AmazonSQSClient(credentials, config), address.Url, wait, DefaultVisibility);
    }

    public async Task<IReadOnlyList<DeadLetter>> ReceiveAsync(int max, CancellationToken cancellationToken)
    {
        var response = await Call(() => sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = max,
                WaitTimeSeconds = (int)wait.TotalSeconds,
                VisibilityTimeout = (int)visibility.TotalSeconds,
                MessageAttributeNames = ["All"],
            },
            cancellationToken)).ConfigureAwait(false);
        return response.Messages is { } messages
            ? messages.Select(m => new DeadLetter(m.MessageId, m.ReceiptHandle, m.Body ?? string.Empty, Attributes(m))).ToList()
            : [];
    }

    public async Task<IReadOnlyList<(DeadLetter Message, string Problem)>> DeleteAsync(
        IReadOnlyList<DeadLetter> messages, CancellationToken cancellationToken)
    {
        var response = await Call(() => sqs.DeleteMessageBatchAsync(
            new DeleteMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = messages.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = EntryId(i), ReceiptHandle = m.ReceiptHandle }).ToList(),
            },
            cancellationToken)).ConfigureAwait(false);
        return Failures(messages, response.Failed);
    }

    public async Task<IReadOnlyList<(DeadLetter Message, string Problem)>> ReleaseAsync(
        IReadOnlyList<DeadLetter> messages, CancellationToken cancellationToken)
    {
        var response = await Call(() => sqs.ChangeMessageVisibilityBatchAsync(
            new ChangeMessageVisibilityBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = messages.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry
                {
                    Id = EntryId(i),
                    ReceiptHandle = m.ReceiptHandle,
                    VisibilityTimeout = 0,
                }).ToList(),
            },
            cancellationToken)).ConfigureAwait(false);
        return Failures(messages, response.Failed);
    }

    public void Dispose() => sqs.Dispose();

    private static string EntryId(int index) => "m" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Attributes(Message message)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in message.MessageAttributes ?? [])
        {
            if (value?.StringValue is { } text)
            {
                attributes[name] = text;
            }
        }

        return attributes;
    }

    private static List<(DeadLetter, string)> Failures(IReadOnlyList<DeadLetter> messages, List<BatchResultErrorEntry>? failed) =>
        (failed ?? [])
            .Select(f => (Index: int.TryParse(f.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1, Entry: f))
            .Where(f => f.Index >= 0 && f.Index < messages.Count)
            .Select(f => (messages[f.Index], $"{SnsErrorText.CleanCode(f.Entry.Code ?? "Error")}: {SnsErrorText.Clean(f.Entry.Message)}"))
            .ToList();

    /// <summary>Every way an SQS call fails, as one line free of signed material.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            var code = string.IsNullOrEmpty(ex.ErrorCode) ? $"Http{(int)ex.StatusCode}" : SnsErrorText.CleanCode(ex.ErrorCode);
            throw new DeadLetterQueueException($"{code}: {SnsErrorText.Clean(ex.Message)}", ex);
        }
        catch (AmazonClientException ex)
        {
            throw new DeadLetterQueueException($"ClientError: {SnsErrorText.Clean(FirstLine(ex.Message))}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new DeadLetterQueueException($"NetworkError: {SnsErrorText.Clean(ex.Message)}", ex);
        }
        catch (TaskCanceledException ex) when (ex.CancellationToken == default || !ex.CancellationToken.IsCancellationRequested)
        {
            throw new DeadLetterQueueException("RequestTimeout: SQS did not answer in time", ex);
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }
}
