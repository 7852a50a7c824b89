using System.Globalization;
using System.Text;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Rendering.Chat;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// A group's digest as a notification, pure: a subject under 100 characters saying it is a digest and how many,
/// a plain-text body of escaped values, and eight message attributes (of the ten allowed). <c>readOnly</c> and
/// <c>severity</c> say what the folded events were (<see cref="FoldedAttributes"/>), so filter policies route a digest
/// as they would its events.
/// </summary>
internal static class DigestRenderer
{
    private const int MaxPiece = 256;

    public static Notification Render(GroupState group, RenderOptions options)
    {
        var t = DigestTexts.For(options.Language);
        var id = group.Identity;
        var what = Piece(ServiceOf(id.EventSource) + " " + id.EventName);
        var ascii = options.Language == NotificationLanguage.English;
        var subject = SubjectText.Shorten(
            t.Subject(group.Folded, SubjectText.Piece(ServiceOf(id.EventSource) + " " + id.EventName, ascii, 60)), SubjectText.MaxLength, ascii);

        var body = new StringBuilder();
        body.Append(t.Headline(group.Folded, what)).Append('\n');
        body.Append(t.FirstSent).Append('\n');
        foreach (var line in t.RateGuardLines(group))
        {
            body.Append(line).Append('\n');
        }

        body.Append('\n');
        Line(body, t.Who, Piece(id.Principal, t.None));
        var detailed = Math.Min(group.Folded, GroupState.DetailLimit);
        if (group.Sessions is { Count: > 0 } sessions)
        {
            // Who made the folded calls, when the group is a role's: the sessions of all of them, escaped as every
            // other value, the first ones by name and then how many more.
            Line(body, t.Sessions, t.MoreSessionsOf(group) is { } more ? List(sessions, t.None) + " " + more : List(sessions, t.None));
        }

        Line(body, t.Resource, Piece(id.Resource, t.None));
        Line(body, t.Outcome, Piece(id.Outcome, t.None));
        Line(body, t.Account, Piece(id.Account, t.None));
        Line(body, t.Region, Piece(id.Region, t.None));
        if (group.FirstFolded is { } first && group.LastFolded is { } last)
        {
            Line(body, t.Between, $"{Time(first, options.TimeZone)} {t.And} {Time(last, options.TimeZone)}");
        }

        Line(body, t.From(detailed), List(group.Addresses, t.None));
        Line(body, t.UserAgents, List(group.UserAgents, t.None));
        Line(body, t.EventIds(group.EventIds.Count, group.Folded), List(group.EventIds, t.None));
        if (HistoryLink(id) is { } link)
        {
            body.Append('\n').Append(t.History).Append(": ").Append(link).Append('\n');
        }

        var attributes = new List<MessageAttribute>
        {
            Attribute("eventSource", id.EventSource),
            Attribute("eventName", id.EventName),
            Attribute("account", id.Account),
            Attribute("region", id.Region),
            new("readOnly", FoldedAttributes.ReadOnlyOf(group)),
            new("outcome", FoldedAttributes.OutcomeOf(id)),
            new("severity", FoldedAttributes.SeverityOf(group)),
            new("digest", group.Folded.ToString(CultureInfo.InvariantCulture)),
        };
        var notification = new Notification(subject, body.ToString(), attributes, null);
        return options.ChatCards
            ? notification with { ChatCard = ChatCardJson.Write(ChatDigestCard.Render(group, options, FifoMessageIds.For(notification))) }
            : notification;
    }

    /// <summary>CloudTrail's event history in the group's region, filtered by the event name.</summary>
    public static string? HistoryLink(GroupIdentity id) =>
        ConsoleLinks.IsRegion(id.Region) && id.EventName.Length > 0
            ? $"https://{id.Region}.console.aws.amazon.com/cloudtrailv2/home?region={id.Region}#/events?EventName={Uri.EscapeDataString(id.EventName)}"
            : null;

    private static void Line(StringBuilder body, string label, string value) => body.Append(label).Append(": ").Append(value).Append('\n');

    private static string List(IReadOnlyList<string> values, string none) =>
        values.Count == 0 ? none : string.Join(", ", values.Select(v => EmailText.Clean(v, MaxPiece)));

    private static string Piece(string value, string? none = null) =>
        value.Length == 0 && none is not null ? none : EmailText.Clean(value, MaxPiece);

    /// <summary>"secretsmanager" of <c>secretsmanager.amazonaws.com</c>.</summary>
    internal static string ServiceOf(string eventSource)
    {
        var dot = eventSource.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? eventSource[..dot] : eventSource;
    }

    internal static string Time(DateTimeOffset time, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone);
        var name = zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + name;
    }

    private static MessageAttribute Attribute(string name, string value) =>
        new(name, string.IsNullOrWhiteSpace(value) ? "unknown" : SafeText.Clean(value, MaxPiece));
}
