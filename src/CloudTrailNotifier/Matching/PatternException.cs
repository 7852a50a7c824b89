namespace CloudTrailNotifier.Matching;

/// <summary>An event pattern EventBridge would refuse; the message is one line naming the place in the pattern.</summary>
internal sealed class PatternException(string message) : Exception(message);
