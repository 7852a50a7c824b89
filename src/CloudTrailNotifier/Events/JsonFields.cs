using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CloudTrailNotifier.Events;

/// <summary>
/// Lenient reads from CloudTrail JSON. Real records put strings where booleans belong, the string
/// "null" where objects belong, and numbers where strings belong; every accessor here tolerates that
/// and answers null rather than throwing.
/// </summary>
internal static class JsonFields
{
    private const int MaxNarrowedName = 64;

    /// <summary>A scalar property as text: strings as they are, numbers and booleans as written; null otherwise.</summary>
    public static string? String(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !TryGet(obj, name, out var value))
        {
            return null;
        }

        return Scalar(value);
    }

    /// <summary>
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> for hostile objects: a property name
    /// escaping half a surrogate pair makes the library throw while comparing names, so such an object is
    /// searched by the names' raw bytes instead.
    /// </summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        try
        {
            // The library turns a name into UTF-8 before it searches; an ASCII name (every name this program asks
            // for) is narrowed here instead, several times cheaper, and searched for as the same bytes.
            Span<byte> utf8 = stackalloc byte[MaxNarrowedName];
            return name.Length <= MaxNarrowedName && Ascii.FromUtf16(name, utf8, out var length) == OperationStatus.Done
                ? obj.TryGetProperty(utf8[..length], out value)
                : obj.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            var wanted = Encoding.UTF8.GetBytes(name);
            foreach (var property in obj.EnumerateObject())
            {
                if (JsonMarshal.GetRawUtf8PropertyName(property).SequenceEqual(wanted))
                {
                    value = property.Value;
                    return true;
                }
            }

            value = default;
            return false;
        }
    }

    /// <summary>
    /// A scalar value as text; null for null, objects, arrays, empty strings and the string "null", and for an
    /// absent (default) value, so it is also <see cref="String"/> of a member already found.
    /// </summary>
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => NonEmptyText(value),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>An object-valued property; null when absent or of another kind.</summary>
    public static JsonElement? Object(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && TryGet(obj, name, out var value) ? AsObject(value) : null;

    /// <summary>A value that is an object; null for any other kind (and for an absent, default, value).</summary>
    public static JsonElement? AsObject(JsonElement value) => value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>An array-valued property; null when absent or of another kind.</summary>
    public static JsonElement? Array(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && TryGet(obj, name, out var value) ? AsArray(value) : null;

    /// <summary>A value that is an array; null for any other kind (and for an absent, default, value).</summary>
    public static JsonElement? AsArray(JsonElement value) => value.ValueKind == JsonValueKind.Array ? value : null;

    /// <summary>A boolean that may be written as true/false or as the strings "true"/"false".</summary>
    public static bool? Boolean(JsonElement obj, string name)
    {
        return obj.ValueKind == JsonValueKind.Object && TryGet(obj, name, out var value) ? BooleanOf(value) : null;
    }

    /// <summary><see cref="Boolean(JsonElement, string)"/> of a value already found; null for an absent (default) value.</summary>
    public static bool? BooleanOf(JsonElement value)
    {
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => WordOf(value),
            _ => null,
        };
    }

    /// <summary>"true" or "false" in any case; compared as written when it is plain ASCII, with no string made.</summary>
    private static bool? WordOf(JsonElement stringValue)
    {
        var raw = JsonMarshal.GetRawUtf8Value(stringValue);
        var content = raw.Length >= 2 ? raw[1..^1] : raw;
        if (!content.Contains((byte)'\\') && Ascii.IsValid(content))
        {
            return Ascii.EqualsIgnoreCase(content, "true"u8) ? true : Ascii.EqualsIgnoreCase(content, "false"u8) ? false : null;
        }

        // Escapes and other scripts read as the string they stand for (ignoring case as .NET does).
        var text = Text(stringValue);
        return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }

    /// <summary>A property that is present with some content (not null, not "null", not empty).</summary>
    public static JsonElement? Present(JsonElement obj, string name)
    {
        return obj.ValueKind == JsonValueKind.Object && TryGet(obj, name, out var value) ? PresentOf(value) : null;
    }

    /// <summary><see cref="Present(JsonElement, string)"/> of a value already found; null for an absent (default) value.</summary>
    public static JsonElement? PresentOf(JsonElement value)
    {
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String when Text(value) is "" or "null" => null,
            JsonValueKind.Object when IsEmpty(value) => null,
            JsonValueKind.Array when value.GetArrayLength() == 0 => null,
            _ => value,
        };
    }

    /// <summary>
    /// A string value. JSON may escape half a surrogate pair (<c>"\ud800"</c>), which .NET refuses to decode;
    /// such a string is given as written, escapes and all, so it still shows and cannot break a line.
    /// </summary>
    public static string Text(JsonElement stringValue)
    {
        if (stringValue.ValueKind == JsonValueKind.String && IsPlainAscii(stringValue, out var plain))
        {
            return AsciiString(plain);
        }

        try
        {
            return stringValue.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            var raw = JsonMarshal.GetRawUtf8Value(stringValue);
            return Encoding.UTF8.GetString(raw.Length >= 2 ? raw[1..^1] : raw);
        }
    }

    /// <summary>A property name, with the same tolerance as <see cref="Text"/>.</summary>
    public static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property));
        }
    }

    /// <summary><see cref="Text"/> of a string value, null when it is empty or "null" (no string is made for those).</summary>
    private static string? NonEmptyText(JsonElement stringValue)
    {
        if (IsPlainAscii(stringValue, out var plain))
        {
            return plain.IsEmpty || plain.SequenceEqual("null"u8) ? null : AsciiString(plain);
        }

        return Text(stringValue) is { Length: > 0 } s && s != "null" ? s : null;
    }

    /// <summary>
    /// Whether a string value's bytes between its quotes are the string itself (ASCII, no escapes), as most of an
    /// event's strings are: widening those is several calls fewer than the library's decoding.
    /// </summary>
    private static bool IsPlainAscii(JsonElement stringValue, out ReadOnlySpan<byte> content)
    {
        var raw = JsonMarshal.GetRawUtf8Value(stringValue);
        content = raw.Length >= 2 ? raw[1..^1] : raw;
        return !content.Contains((byte)'\\') && Ascii.IsValid(content);
    }

    private static string AsciiString(ReadOnlySpan<byte> ascii) =>
        string.Create(ascii.Length, ascii, static (chars, bytes) => Ascii.ToUtf16(bytes, chars, out _));

    private static bool IsEmpty(JsonElement obj)
    {
        using var properties = obj.EnumerateObject();
        return !properties.MoveNext();
    }
}
