using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// Handles one event: renders it, then hands it to the sink (SNS, or a dry run). Every failure becomes a
/// <see cref="FunctionError"/>, so Lambda retries the event and finally sends it to the dead-letter queue;
/// nothing is reported as done that the sink did not deliver.
/// </summary>
/// <param name="render">Bytes of one event to its notification (pure; never throws for a bad event).</param>
internal sealed class InvocationHandler(Func<ReadOnlyMemory<byte>, Notification> render, INotificationSink sink)
{
    public async Task<InvocationResult> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        Notification? notification = null;
        try
        {
            notification = render(invocation.Event);
            var delivery = await sink.DeliverAsync(notification, invocation, cancellationToken).ConfigureAwait(false);
            return InvocationResult.Delivered(delivery, notification);
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
            return InvocationResult.Failed(new FunctionError("Runtime.UnhandledException", $"{ex.GetType().Name}: {SnsErrorText.Clean(ex.Message)}"), notification);
        }
    }
}
