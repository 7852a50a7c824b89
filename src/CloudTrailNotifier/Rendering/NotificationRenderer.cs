using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering.Chat;
using CloudTrailNotifier.Rendering.Languages;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Rendering;

/// <summary>Writes the notification for an event's facts: subject, body and attributes, within SNS's limits. Pure.</summary>
internal sealed class NotificationRenderer(RenderOptions options)
{
    private readonly Texts _texts = Texts.For(options.Language);

    public RenderOptions Options { get; } = options;

    public Notification Render(EventFacts facts)
    {
        var subject = SubjectBuilder.Build(facts, _texts);
        var attributes = MessageAttributesBuilder.Build(facts);
        var body = BodyWriter.Write(facts, Options, _texts);
        var message = MessageLimits.Fit(body, attributes, _texts.SectionTruncated(MessageLimits.MaxPublishBytes));
        var notification = new Notification(subject, message, attributes, facts.Event.EventId);
        return Options.ChatCards
            ? notification with { ChatCard = ChatCardJson.Write(ChatCardRenderer.Render(facts, Options, FifoMessageIds.For(notification))) }
            : notification;
    }
}
