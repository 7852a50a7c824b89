namespace CloudTrailNotifier.Redrive;

/// <summary>A queue call that failed; the message is one line, <c>CODE: what happened</c>, free of message contents.</summary>
internal sealed class DeadLetterQueueException(string message, Exception? inner = null) : Exception(message, inner);
