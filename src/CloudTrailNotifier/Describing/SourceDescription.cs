namespace CloudTrailNotifier.Describing;

/// <summary>A <c>sourceIPAddress</c>, understood.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Address">The value as given, trimmed (unsanitised; the renderer escapes it).</param>
/// <param name="IsPrivate">True for RFC 1918, loopback, link-local and unique-local addresses.</param>
internal readonly record struct SourceDescription(SourceKind Kind, string? Address, bool IsPrivate);
