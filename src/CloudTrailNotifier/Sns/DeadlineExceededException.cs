namespace CloudTrailNotifier.Sns;

/// <summary>The invocation deadline arrived before SNS confirmed the publish; the message says whether one may be on its way.</summary>
internal sealed class DeadlineExceededException(string message) : Exception(message);
