namespace CloudTrailNotifier.Lambda;

/// <summary>A notification delivered by a sink: what kind of success, the invocation's response body, the MessageId if known.</summary>
internal sealed record Delivery(InvocationResultKind Kind, byte[] Response, string? MessageId = null, string? Note = null);
