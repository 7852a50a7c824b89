using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Lambda;

/// <summary>What handling one invocation produced: either a response body or an error, plus what the log line needs.</summary>
internal sealed record InvocationResult(byte[]? Response, FunctionError? Error, Notification? Notification, string? MessageId, bool DryRun)
{
    public static InvocationResult Failed(FunctionError error, Notification? notification) => new(null, error, notification, null, false);
}
