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
}
