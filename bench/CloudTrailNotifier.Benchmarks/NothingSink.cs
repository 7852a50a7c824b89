using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Benchmarks;

/// <summary>A publish that costs nothing, so a benchmark measures only what is in front of it.</summary>
internal sealed class NothingSink : INotificationSink
{
    private static readonly byte[] Response = "{}"u8.ToArray();

    public Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(new Delivery(InvocationResultKind.Published, Response, "m"));
}
