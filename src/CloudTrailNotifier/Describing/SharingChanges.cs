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
    private const int CreateVolumePermissionAt = 0, LaunchPermissionAt = 1, ValuesToAddAt = 2, ValuesToRemoveAt = 3;

    private static readonly MemberNames Names = new("createVolumePermission", "launchPermission", "valuesToAdd", "valuesToRemove");

    public static SharingChange Read(JsonElement? parameters)
    {
        if (parameters is not { } p || p.ValueKind != JsonValueKind.Object)
        {
            return SharingChange.None;
        }

        // Most calls share nothing: one pass over the parameters, and no list until there is something to put in it.
        var fields = default(MemberValues);
        Names.Read(p, fields);
        List<string>? added = null, removed = null;
        foreach (var attribute in (ReadOnlySpan<int>)[CreateVolumePermissionAt, LaunchPermissionAt])
        {
            if (JsonFields.AsObject(fields[attribute]) is { } permission)
            {
                AddPermissions(permission, "add", ref added);
                AddPermissions(permission, "remove", ref removed);
            }
        }

        AddValues(fields[ValuesToAddAt], ref added);
        AddValues(fields[ValuesToRemoveAt], ref removed);
        return added is null && removed is null ? SharingChange.None : new SharingChange(added ?? [], removed ?? []);
    }

    private static void AddPermissions(JsonElement permission, string operation, ref List<string>? into)
    {
        if (!JsonFields.TryGet(permission, operation, out var value))
        {
            return;
        }

        foreach (var item in Ec2Lists.Items(value))
        {
            var account = JsonFields.String(item, "userId") ?? JsonFields.String(item, "group") ?? JsonFields.String(item, "groups");
            if (account is not null && !(into ??= []).Contains(account))
            {
                into.Add(account);
            }
        }
    }

    private static void AddValues(JsonElement member, ref List<string>? into)
    {
        if (JsonFields.AsArray(member) is not { } values)
        {
            return;
        }

        foreach (var value in values.EnumerateArray())
        {
            if (JsonFields.Scalar(value) is { } text && !(into ??= []).Contains(text))
            {
                into.Add(text);
            }
        }
    }
}
