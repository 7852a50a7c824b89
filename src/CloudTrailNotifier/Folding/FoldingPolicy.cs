using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// Which notifications are never folded: every event at severity <c>high</c> or <c>critical</c> (tampering,
/// decoys, risky changes, refused secret reads, root...: see the severity table), and every event the
/// formatter could not interpret. Everything else may fold into a digest.
/// </summary>
internal static class FoldingPolicy
{
    public static bool IsUnfoldable(Notification notification)
    {
        string? severity = null, outcome = null;
        foreach (var attribute in notification.Attributes)
        {
            switch (attribute.Name)
            {
                case "severity": severity = attribute.Value; break;
                case "outcome": outcome = attribute.Value; break;
            }
        }

        // No severity at all means the notification did not come from the assessed path: never fold it.
        return severity is null or "high" or "critical" || outcome is "uninterpretable";
    }
}
