using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering.Chat;

/// <summary>
/// The card for an event that could not be interpreted: it says so, why, how large the event was and the routing
/// values that could be found, with the start of its (already redacted) text in a code span; the email carries it all.
/// </summary>
internal static class ChatFallbackCard
{
    /// <summary>How much of the event's text the card shows.</summary>
    public const int MaxExcerptChars = 500;

    public static ChatCard Render(UninterpretableEvent uninterpretable, RenderOptions options, string id)
    {
        var t = Texts.For(options.Language);
        var chat = ChatTexts.For(options.Language);
        var layout = new ChatLayout([chat.DetailsInEmail]);
        layout.Line(chat.FallbackHeadline);
        layout.Field(t.FallbackReason, ChatMarkdown.Code(uninterpretable.Problem, 512));
        layout.Field(t.Service, ChatMarkdown.Code(uninterpretable.EventSource, 128));
        layout.Field(t.Account, ChatMarkdown.Code(uninterpretable.Account, 64) is { } account
            ? t.AccountInRegion(account, ChatMarkdown.Code(uninterpretable.Region, 64))
            : null);
        layout.Field(chat.FallbackExcerpt, $"{t.FallbackSize(uninterpretable.TotalBytes)}: {ChatMarkdown.Code(uninterpretable.RawText, MaxExcerptChars) ?? "-"}");

        return new ChatCard(
            id,
            $"{ChatTexts.SeverityEmoji(Describing.Severity.High)} {t.FallbackSubject}",
            layout.Finish(chat.LinesOmitted),
            ChatCardRenderer.Keywords("uninterpretable", uninterpretable.Account, uninterpretable.Region, uninterpretable.EventSource),
            ChatThread.Id(uninterpretable.Account ?? string.Empty, "uninterpretable", string.Empty),
            ChatMarkdown.Plain(t.FallbackSubject, 300),
            chat.FallbackEventType,
            []);
    }
}
