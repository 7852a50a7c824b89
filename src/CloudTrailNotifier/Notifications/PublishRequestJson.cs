using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudTrailNotifier.Notifications;

/// <summary>
/// Writes a notification as the SNS publish request <c>aws sns publish --cli-input-json</c> accepts:
/// <c>{"Subject": ..., "Message": ..., "MessageAttributes": {"name": {"DataType": "String", "StringValue": ...}}}</c>.
/// </summary>
internal static class PublishRequestJson
{
    private static readonly JsonWriterOptions CompactOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>One line of JSON, no trailing newline.</summary>
    /// <param name="fifoId">For a FIFO topic: the MessageGroupId and MessageDeduplicationId the publish carries.</param>
    public static string Write(Notification notification, string? topicArn = null, string? fifoId = null)
    {
        return JsonBytes.WriteString(CompactOptions, writer =>
        {
            Write(writer, notification, topicArn, fifoId);
        });
    }

    /// <summary>A writer with the options <see cref="Write(Notification, string?, string?)"/> uses, for callers that reuse one.</summary>
    public static Utf8JsonWriter CreateWriter(System.Buffers.IBufferWriter<byte> output) => new(output, CompactOptions);

    /// <summary>Writes the request to <paramref name="writer"/> (created by <see cref="CreateWriter"/>) and flushes it.</summary>
    public static void Write(Utf8JsonWriter writer, Notification notification, string? topicArn = null, string? fifoId = null)
    {
        writer.WriteStartObject();
        if (topicArn is not null)
        {
            writer.WriteString("TopicArn", topicArn);
        }

        if (notification.Subject.Length > 0)
        {
            // A chat card's publish has no subject (as PublishForm sends none).
            writer.WriteString("Subject", notification.Subject);
        }

        // The message is long and full of line breaks: written without the encoder's character-by-character path.
        writer.WritePropertyName("Message");
        RelaxedJsonString.WriteValue(writer, notification.Message);
        if (fifoId is not null)
        {
            writer.WriteString("MessageGroupId", fifoId);
            writer.WriteString("MessageDeduplicationId", fifoId);
        }

        if (notification.Attributes.Count > 0)
        {
            writer.WriteStartObject("MessageAttributes");
            foreach (var attribute in notification.Attributes)
            {
                writer.WriteStartObject(attribute.Name);
                writer.WriteString("DataType", MessageAttribute.DataType);
                writer.WriteString("StringValue", attribute.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}
