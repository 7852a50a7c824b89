using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Rendering;

/// <summary>SNS's size limit: message plus attributes (names, types and values) in UTF-8 bytes.</summary>
internal static class MessageLimits
{
    public const int MaxPublishBytes = 262_144;

    /// <summary>Bytes kept free below the limit, for safety and for notes appended when cutting.</summary>
    private const int Margin = 1024;

    public static int AttributeBytes(IReadOnlyList<MessageAttribute> attributes)
    {
        var total = 0;
        foreach (var attribute in attributes)
        {
            total += Encoding.UTF8.GetByteCount(attribute.Name)
                + Encoding.UTF8.GetByteCount(MessageAttribute.DataType)
                + Encoding.UTF8.GetByteCount(attribute.Value);
        }

        return total;
    }

    public static int PublishBytes(Notification notification) =>
        Encoding.UTF8.GetByteCount(notification.Message) + AttributeBytes(notification.Attributes);

    /// <summary>
    /// Returns <paramref name="message"/> unchanged when it fits beside the attributes; otherwise cuts it at
    /// a line boundary and says so. The section budgets make this a last guard, not the normal path.
    /// </summary>
    public static string Fit(string message, IReadOnlyList<MessageAttribute> attributes, string cutNote)
    {
        if (SurelyFits(message, attributes, cutNote))
        {
            return message;
        }

        var budget = MaxPublishBytes - Margin - AttributeBytes(attributes) - Encoding.UTF8.GetByteCount(cutNote);
        if (message.Length <= budget / 3 || Encoding.UTF8.GetByteCount(message) <= budget)
        {
            return message;
        }

        // Find the longest prefix that fits, then back off to the end of a line.
        var low = 0;
        var high = message.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Encoding.UTF8.GetByteCount(message.AsSpan(0, mid)) <= budget)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var cut = message.LastIndexOf('\n', Math.Max(0, low - 1));
        cut = TextCut.Before(message, cut <= 0 ? low : cut + 1);

        return string.Concat(message.AsSpan(0, cut), cutNote, "\n");
    }

    /// <summary>
    /// True when even at 3 UTF-8 bytes per UTF-16 unit (the most one takes) everything fits with the margin: the
    /// usual case, told from lengths alone, without counting bytes.
    /// </summary>
    private static bool SurelyFits(string message, IReadOnlyList<MessageAttribute> attributes, string cutNote)
    {
        long units = message.Length + cutNote.Length;
        foreach (var attribute in attributes)
        {
            units += attribute.Name.Length + MessageAttribute.DataType.Length + attribute.Value.Length;
        }

        return units * 3 <= MaxPublishBytes - Margin;
    }
}
