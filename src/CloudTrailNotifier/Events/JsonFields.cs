using System.Text.Json;

namespace CloudTrailNotifier.Events;

/// <summary>
/// Lenient reads from CloudTrail JSON. Real records put strings where booleans belong, the string
/// "null" where objects belong, and numbers where strings belong; every accessor here tolerates that
/// and answers null rather than throwing.
/// </summary>
internal static class JsonFields
{
    /// <summary>A scalar property as text: strings as they are, numbers and booleans as written; null otherwise.</summary>
    public static string? String(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return Scalar(value);
    }

    /// <summary>A scalar value as text; null for null, objects, arrays, empty strings and the string "null".</summary>
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s && s != "null" ? s : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>An object-valued property; null when absent or of another kind.</summary>
    public static JsonElement? Object(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>An array-valued property; null when absent or of another kind.</summary>
    public static JsonElement? Array(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? value
            : null;

    /// <summary>A boolean that may be written as true/false or as the strings "true"/"false".</summary>
    public static bool? Boolean(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase) => true,
            JsonValueKind.String when string.Equals(value.GetString(), "false", StringComparison.OrdinalIgnoreCase) => false,
            _ => null,
        };
    }

    /// <summary>A property that is present with some content (not null, not "null", not empty).</summary>
    public static JsonElement? Present(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String when value.GetString() is null or "" or "null" => null,
            JsonValueKind.Object when IsEmpty(value) => null,
            JsonValueKind.Array when value.GetArrayLength() == 0 => null,
            _ => value,
        };
    }

    private static bool IsEmpty(JsonElement obj)
    {
        using var properties = obj.EnumerateObject();
        return !properties.MoveNext();
    }
}
