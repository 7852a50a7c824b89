namespace CloudTrailNotifier.Resilience;

/// <summary>What one attempt is given: its number (1 for the first) and how long it may wait for an answer.</summary>
/// <param name="TimeoutIsDeadline">The timeout is what is left before the deadline, so no retry can follow it.</param>
internal readonly record struct AttemptContext(int Number, TimeSpan Timeout, bool TimeoutIsDeadline);
