namespace CloudTrailNotifier.Resilience;

/// <summary>The last attempt's result (default when none was made), how many attempts ran, and why they stopped.</summary>
internal readonly record struct RetryOutcome<T>(T? Result, int Attempts, RetryStopReason StopReason);
