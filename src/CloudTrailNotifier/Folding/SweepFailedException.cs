namespace CloudTrailNotifier.Folding;

/// <summary>Some due digests could not be sent; they stay due for the next sweep.</summary>
internal sealed class SweepFailedException(string message) : Exception(message);
