using Amazon.DynamoDBv2.Model;
using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>The rate guard's minute item read back: <c>sent</c>, and a counter <c>p_KEY</c> per principal.</summary>
internal static class RateItem
{
    /// <summary>Before each principal's key; no other attribute of the item starts so (<c>pk</c>, <c>sent</c>, <c>expiresAt</c>).</summary>
    public const string PrincipalPrefix = "p_";

    /// <summary>The minute an item holds; null without one. A minute counted by an earlier release has only <c>sent</c>.</summary>
    public static RateMinute? Read(Dictionary<string, AttributeValue>? item)
    {
        if (item is not { Count: > 0 })
        {
            return null;
        }

        var byPrincipal = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in item.Keys)
        {
            if (name.StartsWith(PrincipalPrefix, StringComparison.Ordinal) && DynamoItems.GetN(item, name) is { } sent)
            {
                byPrincipal[name[PrincipalPrefix.Length..]] = sent;
            }
        }

        return new RateMinute(DynamoItems.GetN(item, "sent") ?? 0, byPrincipal);
    }
}
