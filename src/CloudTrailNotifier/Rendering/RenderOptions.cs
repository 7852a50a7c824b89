using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Rendering;

/// <summary>How notifications are written: in which language, and which local time zone is shown beside UTC.</summary>
internal sealed record RenderOptions(NotificationLanguage Language, TimeZoneInfo TimeZone)
{
    /// <summary>The stack's own resources, whose changes are marked as tampering (trails always are).</summary>
    public Describing.Tampering.TamperWatch TamperWatch { get; init; } = Describing.Tampering.TamperWatch.None;

    /// <summary>The organization's accounts by name (ACCOUNT_NAMES); an account outside a given list is a signal.</summary>
    public Describing.AccountNames AccountNames { get; init; } = Describing.AccountNames.None;

    /// <summary>Render the chat card beside the email (<see cref="Notification.ChatCard"/>): for a chat topic or <c>--output chat</c>.</summary>
    public bool ChatCards { get; init; }

    public static RenderOptions Default { get; } = new(NotificationLanguage.English, TimeZoneInfo.Utc);

    /// <summary>Secrets whose every touch is critical (<c>DECOY_SECRETS</c>, <c>--decoy-secrets</c>).</summary>
    public Describing.DecoySecrets DecoySecrets { get; init; } = Describing.DecoySecrets.None;

    /// <summary>Parses <c>en</c> or <c>ja</c> (case-insensitive; an empty value means English).</summary>
    public static bool TryParseLanguage(string? code, out NotificationLanguage language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "" or "en" or "english":
                language = NotificationLanguage.English;
                return true;
            case "ja" or "jp" or "japanese":
                language = NotificationLanguage.Japanese;
                return true;
            default:
                language = NotificationLanguage.English;
                return false;
        }
    }

    /// <summary>Finds an IANA time zone such as <c>Asia/Tokyo</c>; an empty value means UTC.</summary>
    public static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Trim() is "UTC" or "Etc/UTC")
        {
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone!);
    }
}
