using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>Publishes nothing: the invocation answers with the publish request it would have sent.</summary>
internal sealed class DryRunSink(TopicArn? topic) : INotificationSink
{
    public Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken)
    {
        var fifoId = topic is { IsFifo: true } ? FifoMessageIds.For(notification) : null;
        var request = PublishRequestJson.Write(notification, topic?.Value, fifoId);
        return Task.FromResult(new Delivery(InvocationResultKind.DryRun, Encoding.UTF8.GetBytes(request)));
    }
}
