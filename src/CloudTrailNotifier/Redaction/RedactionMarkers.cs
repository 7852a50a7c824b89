namespace CloudTrailNotifier.Redaction;

/// <summary>What stands in for a redacted value, in the notification's language.</summary>
/// <param name="Redacted">The note for a redacted value of so many characters, e.g. <c>[redacted: 412 characters]</c>.</param>
/// <param name="Hidden">The note for CloudTrail's own <c>HIDDEN_DUE_TO_SECURITY_REASONS</c>.</param>
internal sealed record RedactionMarkers(Func<int, string> Redacted, string Hidden);
