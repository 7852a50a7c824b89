namespace CloudTrailNotifier.Folding;

/// <summary>Noise control as configured: the state table, the fold window and the notifications allowed per minute.</summary>
internal sealed record FoldingSettings(string Table, TimeSpan Window, int PerMinute, Uri Endpoint, string Region);
