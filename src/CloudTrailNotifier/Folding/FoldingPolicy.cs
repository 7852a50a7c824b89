using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// Which notifications are never folded. Until severity lands (the real-events issue) every write
/// (<c>readOnly</c> not <c>true</c>), tampering, denied and root events are sent one by one; the severity work
/// replaces this one predicate with "high or critical".
/// </summary>
internal static class FoldingPolicy
{
    public static bool IsUnfoldable(Notification notification)
    {
        string? readOnly = null, signals = null, outcome = null;
        foreach (var attribute in notification.Attributes)
        {
            switch (attribute.Name)
            {
                case "readOnly": readOnly = attribute.Value; break;
                case "signals": signals = attribute.Value; break;
                case "outcome": outcome = attribute.Value; break;
            }
        }

        if (readOnly != "true" || outcome is "denied" or "uninterpretable")
        {
            return true;
        }

        return signals is not null && (Has(signals, "Tampering") || Has(signals, "AccessDenied") || Has(signals, "Root"));
    }

    private static bool Has(string names, string name) => names.Split(',').Contains(name, StringComparer.Ordinal);
}
