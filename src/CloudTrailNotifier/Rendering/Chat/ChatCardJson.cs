using System.Text.Encodings.Web;
using System.Text.Json;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Rendering.Chat;

/// <summary>Writes a card as the custom notification JSON Amazon Q reads from an SNS message: one line, no trailing newline.</summary>
internal static class ChatCardJson
{
    public const string Version = "1.0";
    public const string Source = "custom";
    public const string TextType = "client-markdown";

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Write(ChatCard card) => JsonBytes.WriteString(Options, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("version", Version);
        writer.WriteString("source", Source);
        writer.WriteString("id", card.Id);
        writer.WriteStartObject("content");
        writer.WriteString("textType", TextType);
        writer.WriteString("title", card.Title);
        writer.WriteString("description", card.Description);
        Strings(writer, "keywords", card.Keywords);
        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        writer.WriteString("threadId", card.ThreadId);
        writer.WriteString("summary", card.Summary);
        writer.WriteString("eventType", card.EventType);
        Strings(writer, "relatedResources", card.RelatedResources);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
