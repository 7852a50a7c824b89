namespace CloudTrailNotifier.Lambda;

/// <summary>The Lambda Runtime API answered in a way the runtime cannot continue from.</summary>
internal sealed class RuntimeApiException(string message, Exception? inner = null) : Exception(message, inner);
