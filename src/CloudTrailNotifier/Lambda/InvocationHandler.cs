using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// Handles one event: renders it, then publishes it (or, in a dry run, answers with the publish request).
/// Every failure becomes a <see cref="FunctionError"/>, so Lambda retries the event and finally sends it
/// to the dead-letter queue; nothing is reported as done without a MessageId.
/// </summary>
internal sealed class InvocationHandler(FunctionConfiguration configuration, Notifier renderer, SnsPublisher? publisher)
{
    public async Task<InvocationResult> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        Notification? notification = null;
        try
        {
            notification = renderer.Notify(invocation.Event);
            if (configuration.DryRun)
            {
                var request = PublishRequestJson.Write(notification, configuration.Topic?.Arn.Value);
                return new InvocationResult(Encoding.UTF8.GetBytes(request), null, notification, null, DryRun: true);
            }

            var topic = configuration.Topic ?? throw new InvalidOperationException("no topic is configured");
            var sns = publisher ?? throw new InvalidOperationException("no publisher is configured");
            var messageId = await sns.PublishAsync(notification, topic, invocation.Deadline, invocation.TraceId, cancellationToken)
                .ConfigureAwait(false);
            return new InvocationResult(MessageIdResponse(messageId), null, notification, messageId, DryRun: false);
        }
        catch (SnsPublishException ex)
        {
            return InvocationResult.Failed(new FunctionError("Sns." + ex.Code, ex.Message), notification);
        }
        catch (DeadlineExceededException ex)
        {
            return InvocationResult.Failed(FunctionError.DeadlineExceeded(ex.Message), notification);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Reported, not swallowed: the invocation fails and Lambda keeps the event.
            return InvocationResult.Failed(new FunctionError("Runtime.UnhandledException", $"{ex.GetType().Name}: {ex.Message}"), notification);
        }
    }

    private static byte[] MessageIdResponse(string messageId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", messageId);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
