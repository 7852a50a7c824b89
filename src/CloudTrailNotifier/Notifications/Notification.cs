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
    string? EventId)
{
    /// <summary>
    /// The same alert as an Amazon Q Developer custom notification (JSON, see Rendering/Chat), rendered from the same
    /// redacted facts; null unless <see cref="Rendering.RenderOptions.ChatCards"/> asked for it.
    /// </summary>
    public string? ChatCard { get; init; }

    /// <summary>
    /// What noise control needs of the event, read from it after redaction (the same markers as the message); null
    /// unless the notifier was asked for it, and for an event it could not redact or read (then it is sent on its own).
    /// </summary>
    public Folding.FoldEvent? Fold { get; init; }
}
