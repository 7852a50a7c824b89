using System.Text.Json;

namespace CloudTrailNotifier.Notifications;

/// <summary>Writes one JSON document into memory: the one place a <see cref="Utf8JsonWriter"/> meets a buffer.</summary>
internal static class JsonBytes
{
    /// <summary>The UTF-8 bytes <paramref name="write"/> produces.</summary>
    public static byte[] Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The same document as a string.</summary>
    public static string WriteString(JsonWriterOptions options, Action<Utf8JsonWriter> write) =>
        System.Text.Encoding.UTF8.GetString(Write(options, write));
}
