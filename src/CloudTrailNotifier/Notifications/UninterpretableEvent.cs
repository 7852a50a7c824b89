namespace CloudTrailNotifier.Notifications;

/// <summary>
/// What is known about an event that could not be interpreted: its text as received (possibly cut), its
/// full size, why it could not be read, and the few routing values that could still be found.
/// </summary>
internal sealed record UninterpretableEvent(
    string RawText,
    int TotalBytes,
    string Problem,
    string? EventSource,
    string? Account,
    string? Region);
