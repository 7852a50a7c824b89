using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering.Chat;

/// <summary>
/// A digest as a card, pure: the digest's own words (<see cref="DigestTexts"/>), every value in a code span, the link
/// to the event history, and the thread of the events it folds (same account, principal and resource). The title's
/// marker is the digest's <c>severity</c>, as a single card's is the event's.
/// </summary>
internal static class ChatDigestCard
{
    private const int MaxPiece = 256;

    public static ChatCard Render(GroupState group, RenderOptions options, string id)
    {
        var t = DigestTexts.For(options.Language);
        var chat = ChatTexts.For(options.Language);
        var identity = group.Identity;
        var what = ChatMarkdown.Code($"{DigestRenderer.ServiceOf(identity.EventSource)} {identity.EventName}", 120) ?? "-";
        var history = ChatMarkdown.Link(DigestRenderer.HistoryLink(identity), t.History);
        var layout = new ChatLayout(history is null ? [chat.DetailsInEmail] : [history, chat.DetailsInEmail]);
        layout.Line(t.Headline(group.Folded, what));
        layout.Line(t.FirstSent);
        foreach (var line in t.RateGuardLines(group))
        {
            layout.Line(line);
        }

        layout.Field(t.Who, Code(identity.Principal, t.None));
        if (group.Sessions is { Count: > 0 } sessions)
        {
            layout.Field(t.Sessions, t.MoreSessionsOf(group) is { } more ? List(sessions, t.None) + " " + more : List(sessions, t.None));
        }

        layout.Field(t.Resource, Code(identity.Resource, t.None));
        layout.Field(t.Outcome, Code(identity.Outcome, t.None));
        layout.Field(t.Account, Code(identity.Account, t.None));
        layout.Field(t.Region, Code(identity.Region, t.None));
        if (group.FirstFolded is { } first && group.LastFolded is { } last)
        {
            layout.Field(t.Between, $"{DigestRenderer.Time(first, options.TimeZone)} {t.And} {DigestRenderer.Time(last, options.TimeZone)}");
        }

        layout.Field(t.From(Math.Min(group.Folded, GroupState.DetailLimit)), List(group.Addresses, t.None));
        layout.Field(t.UserAgents, List(group.UserAgents, t.None));
        layout.Field(t.EventIds(group.EventIds.Count, group.Folded), List(group.EventIds, t.None));

        var plainWhat = ChatMarkdown.Plain($"{DigestRenderer.ServiceOf(identity.EventSource)} {identity.EventName}", 120);
        return new ChatCard(
            id,
            $"{ChatTexts.SeverityEmoji(SeverityOf(group))} {ChatMarkdown.Plain(t.Subject(group.Folded, plainWhat), 200)}",
            layout.Finish(chat.LinesOmitted),
            ChatCardRenderer.Keywords("digest", identity.Account, identity.Region, identity.EventSource),
            ChatThread.Id(identity.Account, identity.Principal, identity.Resource),
            ChatMarkdown.Plain(t.Headline(group.Folded, plainWhat), 300),
            ChatMarkdown.Plain($"{identity.EventSource} {identity.EventName} digest", 160),
            identity.Resource.Length > 0 ? [ChatMarkdown.Plain(identity.Resource, MaxPiece)] : []);
    }

    /// <summary>The digest's <c>severity</c> attribute as the marker a single card shows for it.</summary>
    private static Severity SeverityOf(GroupState group) => FoldedAttributes.SeverityOf(group) switch
    {
        "critical" => Severity.Critical,
        "high" => Severity.High,
        "notice" => Severity.Notice,
        _ => Severity.Info,
    };

    private static string Code(string value, string none) => ChatMarkdown.Code(value, MaxPiece) ?? none;

    private static string List(IReadOnlyList<string> values, string none) =>
        values.Count == 0 ? none : string.Join(", ", values.Select(v => ChatMarkdown.Code(v, MaxPiece) ?? "-"));
}
