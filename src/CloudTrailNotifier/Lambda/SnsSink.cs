using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>Publishes to the configured topic within the invocation's deadline; answers <c>{"messageId": ...}</c>.</summary>
internal sealed class SnsSink(SnsPublisher publisher, SnsTopic topic) : INotificationSink
{
    public async Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken)
    {
        var receipt = await publisher.PublishAsync(notification, topic, invocation.Deadline, invocation.TraceId, cancellationToken)
            .ConfigureAwait(false);
        var kind = receipt.MessageId is null ? InvocationResultKind.PublishedMessageIdUnknown : InvocationResultKind.Published;
        return new Delivery(kind, Response(receipt.MessageId), receipt.MessageId, receipt.Note);
    }

    /// <summary><c>{"messageId":"..."}</c>; null when SNS published but its answer could not be read.</summary>
    private static byte[] Response(string? messageId) =>
        JsonBytes.Write(default, writer =>
        {
            writer.WriteStartObject();
            if (messageId is null)
            {
                writer.WriteNull("messageId");
            }
            else
            {
                writer.WriteString("messageId", messageId);
            }

            writer.WriteEndObject();
        });
}
