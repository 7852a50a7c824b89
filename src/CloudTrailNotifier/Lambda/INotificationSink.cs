using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// Where a rendered notification goes: SNS, or nowhere in a dry run. Throws <see cref="Sns.SnsPublishException"/>
/// or <see cref="Sns.DeadlineExceededException"/> when it could not deliver; never reports a delivery it did not make.
/// </summary>
internal interface INotificationSink
{
    Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken);
}
