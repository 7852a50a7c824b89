using System.Text.Json;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Reads <see cref="SharingChange"/> from request parameters in the shapes CloudTrail records:
/// <c>createVolumePermission</c>/<c>launchPermission</c> with <c>add</c>/<c>remove</c> holding
/// <c>items[]</c>, <c>item[]</c> or a bare array of <c>{userId}</c>/<c>{group}</c>; and RDS
/// <c>valuesToAdd</c>/<c>valuesToRemove</c>.
/// </summary>
internal static class SharingChanges
{
    public static SharingChange Read(JsonElement? parameters)
    {
        if (parameters is not { } p || p.ValueKind != JsonValueKind.Object)
        {
            return SharingChange.None;
        }

        var added = new List<string>();
        var removed = new List<string>();
        foreach (var attribute in (string[])["createVolumePermission", "launchPermission"])
        {
            if (JsonFields.Object(p, attribute) is { } permission)
            {
                AddPermissions(permission, "add", added);
                AddPermissions(permission, "remove", removed);
            }
        }

        AddValues(p, "valuesToAdd", added);
        AddValues(p, "valuesToRemove", removed);
        return added.Count == 0 && removed.Count == 0 ? SharingChange.None : new SharingChange(added, removed);
    }

    private static void AddPermissions(JsonElement permission, string operation, List<string> into)
    {
        if (!JsonFields.TryGet(permission, operation, out var value))
        {
            return;
        }

        foreach (var item in Ec2Lists.Items(value))
        {
            var account = JsonFields.String(item, "userId") ?? JsonFields.String(item, "group") ?? JsonFields.String(item, "groups");
            if (account is not null && !into.Contains(account))
            {
                into.Add(account);
            }
        }
    }

    private static void AddValues(JsonElement p, string name, List<string> into)
    {
        if (JsonFields.Array(p, name) is not { } values)
        {
            return;
        }

        foreach (var value in values.EnumerateArray())
        {
            if (JsonFields.Scalar(value) is { } text && !into.Contains(text))
            {
                into.Add(text);
            }
        }
    }
}
