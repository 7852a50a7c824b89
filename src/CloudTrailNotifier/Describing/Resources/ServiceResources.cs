using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Resources;

/// <summary>Resource shapes of single services that need more than one parameter name.</summary>
internal static class ServiceResources
{
    /// <summary>
    /// The instances a Session Manager session (<c>target</c>) or Run Command (<c>instanceIds</c>, or
    /// <c>targets[]</c> with key <c>InstanceIds</c>) acts on.
    /// </summary>
    public static void AddSsmTargets(JsonElement p, Action<ResourceKind, string, string> add)
    {
        if (JsonFields.String(p, "target") is { } target)
        {
            add(ResourceKind.Instance, target, "target");
        }

        if (JsonFields.Array(p, "instanceIds") is { } ids)
        {
            foreach (var id in ids.EnumerateArray())
            {
                if (JsonFields.Scalar(id) is { } text)
                {
                    add(ResourceKind.Instance, text, "instanceIds");
                }
            }
        }

        if (JsonFields.Array(p, "targets") is not { } targets)
        {
            return;
        }

        foreach (var entry in targets.EnumerateArray())
        {
            var key = JsonFields.String(entry, "key") ?? JsonFields.String(entry, "Key");
            var values = JsonFields.Array(entry, "values") ?? JsonFields.Array(entry, "Values");
            if (key == "InstanceIds" && values is { } list)
            {
                foreach (var value in list.EnumerateArray())
                {
                    if (JsonFields.Scalar(value) is { } text)
                    {
                        add(ResourceKind.Instance, text, "targets");
                    }
                }
            }
        }
    }
}
