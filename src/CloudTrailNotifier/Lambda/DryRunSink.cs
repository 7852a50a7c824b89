using System.Text;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Lambda;

/// <summary>Publishes nothing: the invocation answers with the publish request it would have sent.</summary>
internal sealed class DryRunSink(string? topicArn) : INotificationSink
{
    public Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(new Delivery(InvocationResultKind.DryRun, Encoding.UTF8.GetBytes(PublishRequestJson.Write(notification, topicArn))));
}
