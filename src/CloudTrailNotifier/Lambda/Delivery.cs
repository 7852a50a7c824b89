namespace CloudTrailNotifier.Lambda;

/// <summary>A notification delivered by a sink: what kind of success, the invocation's response body, the MessageId if known.</summary>
/// <param name="StateStore">What noise control did with the state table (recorded, folded, duplicate, skipped), when it is on.</param>
internal sealed record Delivery(InvocationResultKind Kind, byte[] Response, string? MessageId = null, string? Note = null, string? StateStore = null);
