using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering.Chat;
using CloudTrailNotifier.Rendering.Languages;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Writes the notification for an event's facts: subject, body and attributes, within SNS's limits. Pure: the same
/// facts give the same notification; it keeps buffers from one event to the next, so one renderer serves one thread.
/// </summary>
internal sealed class NotificationRenderer(RenderOptions options)
{
    private readonly Texts _texts = Texts.For(options.Language);
    private readonly BodyWriter _body = new(options, Texts.For(options.Language));

    /// <summary>The note for a message cut to SNS's limit (the same for every event: made once).</summary>
    private readonly string _cutNote = Texts.For(options.Language).SectionTruncated(MessageLimits.MaxPublishBytes);

    public RenderOptions Options { get; } = options;

    public Notification Render(EventFacts facts)
    {
        var subject = SubjectBuilder.Build(facts, _texts);
        var attributes = MessageAttributesBuilder.Build(facts);
        var body = _body.Write(facts);
        var message = MessageLimits.Fit(body, attributes, _cutNote);
        var notification = new Notification(subject, message, attributes, facts.Event.EventId);
        return Options.ChatCards
            ? notification with { ChatCard = ChatCardJson.Write(ChatCardRenderer.Render(facts, Options, FifoMessageIds.For(notification))) }
            : notification;
    }
}
