using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>For redaction tests: notifiers in both languages with chat cards, and every string a notification sends.</summary>
internal static class EveryOutput
{
    /// <summary>English (index 0) and Japanese (index 1), each with its chat card.</summary>
    public static Notifier[] Notifiers() =>
    [
        new(RenderOptions.Default with { ChatCards = true }),
        new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc) { ChatCards = true }),
    ];

    /// <summary>The subject, the email body, the JSON publish request, the chat card and every attribute value.</summary>
    public static IEnumerable<string> Of(Notification notification) =>
        new[] { notification.Subject, notification.Message, PublishRequestJson.Write(notification), notification.ChatCard ?? string.Empty }
            .Concat(notification.Attributes.Select(a => a.Value));
}
