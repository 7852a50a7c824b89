namespace CloudTrailNotifier.Notifications;

/// <summary>
/// What is published for one event: an SNS subject, the plain-text message an email reader sees,
/// and the message attributes subscription filter policies match on.
/// </summary>
/// <param name="EventId">The CloudTrail eventID when the event had one; for logs, never published.</param>
internal sealed record Notification(
    string Subject,
    string Message,
    IReadOnlyList<MessageAttribute> Attributes,
    string? EventId);
