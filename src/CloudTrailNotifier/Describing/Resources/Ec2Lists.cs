using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Resources;

/// <summary>
/// The list shapes EC2 writes into CloudTrail: <c>{"items":[...]}</c>, <c>{"item":[...]}</c> or a single
/// <c>{"item":{...}}</c>, and plain arrays. Each is read as its elements.
/// </summary>
internal static class Ec2Lists
{
    public static IEnumerable<JsonElement> Items(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().ToList();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return [value];
        }

        foreach (var name in (string[])["items", "item"])
        {
            if (JsonFields.TryGet(value, name, out var inner))
            {
                return inner.ValueKind == JsonValueKind.Array ? inner.EnumerateArray().ToList() : [inner];
            }
        }

        return [value];
    }
}
