using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CloudTrailNotifier.State;

/// <summary>Writes DynamoDB's typed JSON (<c>{"S": ...}</c>, <c>{"N": ...}</c>) and reads it back, without reflection.</summary>
internal static class DynamoJson
{
    public static byte[] Request(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static void S(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject(name);
        writer.WriteString("S", value);
        writer.WriteEndObject();
    }

    public static void N(Utf8JsonWriter writer, string name, long value)
    {
        writer.WriteStartObject(name);
        writer.WriteString("N", value.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    public static void Bool(Utf8JsonWriter writer, string name, bool value)
    {
        writer.WriteStartObject(name);
        writer.WriteBoolean("BOOL", value);
        writer.WriteEndObject();
    }

    public static void List(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartObject(name);
        writer.WriteStartArray("L");
        foreach (var value in values)
        {
            writer.WriteStartObject();
            writer.WriteString("S", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void Key(Utf8JsonWriter writer, string pk)
    {
        writer.WriteStartObject("Key");
        S(writer, "pk", pk);
        writer.WriteEndObject();
    }

    public static string? GetS(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.TryGetProperty("S", out var s) ? s.GetString() : null;

    public static long? GetN(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.TryGetProperty("N", out var n)
        && long.TryParse(n.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static bool GetBool(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.TryGetProperty("BOOL", out var b) && b.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<string> GetList(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value) || !value.TryGetProperty("L", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var values = new List<string>();
        foreach (var entry in list.EnumerateArray())
        {
            if (entry.TryGetProperty("S", out var s) && s.GetString() is { } text)
            {
                values.Add(text);
            }
        }

        return values;
    }

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
