using System.Collections.Concurrent;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>A sink in memory: records what it was given and answers with what the test scripted (a delivery or an exception).</summary>
internal sealed class RecordingSink(Func<Notification, Invocation, Delivery> answer) : INotificationSink
{
    public ConcurrentQueue<(Notification Notification, Invocation Invocation)> Received { get; } = new();

    public Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken)
    {
        Received.Enqueue((notification, invocation));
        return Task.FromResult(answer(notification, invocation));
    }

    public static RecordingSink Publishing(string messageId) =>
        new((_, _) => new Delivery(InvocationResultKind.Published, System.Text.Encoding.UTF8.GetBytes($"{{\"messageId\":\"{messageId}\"}}"), messageId));

    public static RecordingSink Throwing(Exception error) => new((_, _) => throw error);
}
