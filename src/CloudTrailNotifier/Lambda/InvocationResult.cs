using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Lambda;

/// <summary>What handling one invocation produced: a response body or an error, plus what the log line needs.</summary>
internal sealed record InvocationResult(
    InvocationResultKind Kind,
    byte[]? Response,
    FunctionError? Error,
    Notification? Notification,
    string? MessageId = null,
    string? Note = null,
    string? StateStore = null)
{
    public static InvocationResult Failed(FunctionError error, Notification? notification) =>
        new(InvocationResultKind.Failed, null, error, notification);

    public static InvocationResult Delivered(Delivery delivery, Notification notification) =>
        new(delivery.Kind, delivery.Response, null, notification, delivery.MessageId, delivery.Note, delivery.StateStore);
}
