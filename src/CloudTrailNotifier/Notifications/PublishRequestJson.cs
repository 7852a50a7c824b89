using System.Buffers;
using System.Text;

namespace CloudTrailNotifier.Notifications;

/// <summary>
/// Writes a notification as the SNS publish request <c>aws sns publish --cli-input-json</c> accepts:
/// <c>{"Subject": ..., "Message": ..., "MessageAttributes": {"name": {"DataType": "String", "StringValue": ...}}}</c>.
/// </summary>
/// <remarks>
/// The shape is fixed, so it is written straight into the output's memory: the program's own names as they are,
/// every string (names and values) quoted by <see cref="RelaxedJsonString"/>, which escapes exactly as
/// <see cref="System.Text.Json.Utf8JsonWriter"/> with the relaxed encoder does (compact, no white space). One span
/// is asked for, big enough for the worst case, and nothing is copied twice.
/// </remarks>
internal static class PublishRequestJson
{
    /// <summary>
    /// What follows an attribute's name up to its value: the data type is the program's one constant, so its quoted form
    /// is written as it is (the oracle tests hold every request to what Utf8JsonWriter writes).
    /// </summary>
    internal static ReadOnlySpan<byte> DataTypeThenValue => ":{\"DataType\":\"String\",\"StringValue\":"u8;

    /// <summary>One line of JSON, no trailing newline.</summary>
    /// <param name="fifoId">For a FIFO topic: the MessageGroupId and MessageDeduplicationId the publish carries.</param>
    public static string Write(Notification notification, string? topicArn = null, string? fifoId = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes(notification, topicArn, fifoId));
        try
        {
            return Encoding.UTF8.GetString(buffer, 0, Write(buffer, notification, topicArn, fifoId));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends the request (no trailing newline) to <paramref name="output"/>: the same bytes as the string form.</summary>
    public static void Write(IBufferWriter<byte> output, Notification notification, string? topicArn = null, string? fifoId = null)
    {
        var span = output.GetSpan(MaxBytes(notification, topicArn, fifoId));
        output.Advance(Write(span, notification, topicArn, fifoId));
    }

    /// <summary>The most bytes the request takes: every string at its worst escaping, plus the fixed text.</summary>
    public static int MaxBytes(Notification notification, string? topicArn = null, string? fifoId = null)
    {
        // The fixed text of each member (name, quotes, colon, comma, braces) is well under 64 bytes.
        long total = 64 + Worst(notification.Subject) + Worst(notification.Message) + Worst(topicArn) + (2 * Worst(fifoId));
        // Indexed, not enumerated: an interface's enumerator is an object per loop.
        var attributes = notification.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            total += 64 + Worst(attributes[i].Name) + Worst(attributes[i].Value);
        }

        return checked((int)total);

        static long Worst(string? value) => value is null ? 0 : 64L + RelaxedJsonString.MaxBytes(value.Length);
    }

    /// <summary>Writes the request into <paramref name="output"/> (at least <see cref="MaxBytes"/> long); its length.</summary>
    private static int Write(Span<byte> output, Notification notification, string? topicArn, string? fifoId)
    {
        var at = 0;
        output[at++] = (byte)'{';
        var first = true;
        if (topicArn is not null)
        {
            at = Member(output, at, ref first, "\"TopicArn\":"u8, topicArn);
        }

        if (notification.Subject.Length > 0)
        {
            // A chat card's publish has no subject (as PublishForm sends none).
            at = Member(output, at, ref first, "\"Subject\":"u8, notification.Subject);
        }

        at = Member(output, at, ref first, "\"Message\":"u8, notification.Message);
        if (fifoId is not null)
        {
            at = Member(output, at, ref first, "\"MessageGroupId\":"u8, fifoId);
            at = Member(output, at, ref first, "\"MessageDeduplicationId\":"u8, fifoId);
        }

        if (notification.Attributes.Count > 0)
        {
            // After the message, which every request has.
            at = Raw(output, at, ",\"MessageAttributes\":{"u8);
            var firstAttribute = true;
            var attributes = notification.Attributes;
            for (var i = 0; i < attributes.Count; i++)
            {
                var attribute = attributes[i];
                if (!firstAttribute)
                {
                    output[at++] = (byte)',';
                }

                firstAttribute = false;
                at += RelaxedJsonString.Quote(attribute.Name, output[at..]);
                at = Raw(output, at, DataTypeThenValue);
                at += RelaxedJsonString.Quote(attribute.Value, output[at..]);
                output[at++] = (byte)'}';
            }

            output[at++] = (byte)'}';
        }

        output[at++] = (byte)'}';
        return at;
    }

    private static int Member(Span<byte> output, int at, ref bool first, ReadOnlySpan<byte> name, string value)
    {
        if (!first)
        {
            output[at++] = (byte)',';
        }

        first = false;
        at = Raw(output, at, name);
        return at + RelaxedJsonString.Quote(value, output[at..]);
    }

    private static int Raw(Span<byte> output, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(output[at..]);
        return at + text.Length;
    }
}
