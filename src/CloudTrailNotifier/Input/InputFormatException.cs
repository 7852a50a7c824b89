namespace CloudTrailNotifier.Input;

/// <summary>The input is not JSON this program can read; the message is one line for a person.</summary>
internal sealed class InputFormatException(string message) : Exception(message);
