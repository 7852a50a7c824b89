using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// Publishes nothing: the invocation answers with the publish request it would have sent; with a chat topic,
/// <c>{"email": request, "chat": request}</c>, the second carrying the card as its message.
/// </summary>
internal sealed class DryRunSink(TopicArn? topic, TopicArn? chatTopic = null) : INotificationSink
{
    public Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken)
    {
        var request = Request(notification, topic);
        if (chatTopic is not null && notification.ChatCard is { } card)
        {
            request = $"{{\"email\":{request},\"chat\":{Request(ChatTopicSink.ForChat(notification, card), chatTopic)}}}";
        }

        return Task.FromResult(new Delivery(InvocationResultKind.DryRun, Encoding.UTF8.GetBytes(request)));
    }

    private static string Request(Notification notification, TopicArn? arn)
    {
        var fifoId = arn is { IsFifo: true } ? FifoMessageIds.For(notification) : null;
        return PublishRequestJson.Write(notification, arn?.Value, fifoId);
    }
}
