namespace CloudTrailNotifier.Sns;

/// <summary>The invocation deadline arrived before SNS confirmed the publish; nothing is known to be published.</summary>
internal sealed class DeadlineExceededException(string message) : Exception(message);
