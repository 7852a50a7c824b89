using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Turns one event into a notification. Pure, and total: every input, including bytes that are not
/// JSON and records of shapes never seen before, yields a notification within SNS's limits.
/// </summary>
internal sealed class NotificationRenderer(RenderOptions options)
{
    private readonly Texts.Texts _texts = Texts.Texts.For(options.Language);

    public RenderOptions Options { get; } = options;

    /// <summary>Renders raw UTF-8 bytes, as the Lambda function receives them.</summary>
    public Notification Render(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, InputReader.Options);
        }
        catch (JsonException ex)
        {
            return FallbackNotification.Create(utf8Json.Span, "the event is not valid JSON: " + ex.Message, _texts);
        }

        using (document)
        {
            return Render(document.RootElement);
        }
    }

    /// <summary>Renders a parsed event (an EventBridge envelope or a bare CloudTrail record).</summary>
    public Notification Render(JsonElement root)
    {
        if (!CloudTrailEvent.TryCreate(root, out var evt, out var problem))
        {
            return FallbackNotification.Create(root, problem!, _texts);
        }

        try
        {
            return Render(EventFactsBuilder.Build(evt, Options.DecoySecrets));
        }
#pragma warning disable CA1031 // The point is to catch everything: an alert is never dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return FallbackNotification.Create(root, $"the formatter failed on this event ({ex.GetType().Name}: {ex.Message})", _texts);
        }
    }

    private Notification Render(EventFacts facts)
    {
        var subject = SubjectBuilder.Build(facts, _texts);
        var attributes = MessageAttributesBuilder.Build(facts);
        var body = BodyWriter.Write(facts, Options, _texts);
        var message = MessageLimits.Fit(body, attributes, _texts.SectionTruncated(MessageLimits.MaxPublishBytes));
        return new Notification(subject, message, attributes, facts.Event.EventId);
    }
}
