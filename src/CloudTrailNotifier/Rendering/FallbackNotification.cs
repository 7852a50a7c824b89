using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// The notification for an event that cannot be interpreted: it says so, gives the reason, and carries
/// the event as received (escaped, every line prefixed, size-limited), so the alert is never lost.
/// </summary>
internal static class FallbackNotification
{
    public const int MaxRawChars = 64 * 1024;
    private const int ChunkChars = 160;

    public static Notification Create(UninterpretableEvent uninterpretable, Texts t)
    {
        var text = uninterpretable.RawText;
        var totalBytes = uninterpretable.TotalBytes;
        var body = new StringBuilder(Math.Min(text.Length, MaxRawChars) + 1024);
        body.Append(t.FallbackHeadline).Append('\n').Append('\n');
        body.Append("  ").Append(t.FallbackReason).Append(": ");
        EmailText.Append(body, uninterpretable.Problem, 512);
        body.Append('\n');
        body.Append("  ").Append(t.FallbackSize(totalBytes)).Append('\n');
        body.Append('\n').Append(t.FallbackRawTitle).Append('\n');

        var shown = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var rest = line;
            while (shown < MaxRawChars)
            {
                var take = TextCut.Before(rest, Math.Min(Math.Min(rest.Length, ChunkChars), MaxRawChars - shown));

                body.Append("  | ");
                EmailText.Append(body, rest[..take], take);
                body.Append('\n');
                shown += take;
                rest = rest[take..];
                if (rest.IsEmpty)
                {
                    break;
                }
            }

            if (shown >= MaxRawChars)
            {
                break;
            }
        }

        var omitted = totalBytes - Encoding.UTF8.GetByteCount(text.AsSpan(0, Math.Min(text.Length, shown + CountLineBreaks(text, shown))));
        if (omitted > 0 && shown >= MaxRawChars)
        {
            body.Append("  ").Append(t.FallbackRawOmitted(omitted)).Append('\n');
        }

        body.Append('\n').Append("--").Append('\n').Append(t.Footer(null)).Append('\n');

        var attributes = MessageAttributesBuilder.ForUninterpretable(uninterpretable.EventSource, uninterpretable.Account, uninterpretable.Region);
        var message = MessageLimits.Fit(body.ToString(), attributes, t.SectionTruncated(totalBytes));
        return new Notification(t.FallbackSubject, message, attributes, EventId: null);
    }

    private static int CountLineBreaks(string text, int upTo)
    {
        var count = 0;
        for (var i = 0; i < text.Length && i < upTo + count; i++)
        {
            if (text[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }
}
