namespace CloudTrailNotifier.Redrive;

/// <param name="DryRun">Render only: publish nothing, delete nothing (every message received is released at the end).</param>
/// <param name="MaxMessages">Stop after this many messages; null for as many as the queue holds.</param>
/// <param name="EmptyReceivesToStop">The queue counts as drained after this many receives in a row bring nothing new.</param>
/// <param name="ProgressEvery">A progress line after every this many messages.</param>
internal sealed record RedriveOptions(bool DryRun, int? MaxMessages = null, int EmptyReceivesToStop = 2, int ProgressEvery = 100);
