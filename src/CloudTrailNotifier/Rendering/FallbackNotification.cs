using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// The notification for an event that cannot be interpreted: it says so, gives the reason, and carries
/// the event as received (escaped, every line prefixed, size-limited), so the alert is never lost.
/// </summary>
internal static class FallbackNotification
{
    public const int MaxRawChars = 64 * 1024;
    private const int ChunkChars = 160;

    public static Notification Create(ReadOnlySpan<byte> raw, string problem, Texts.Texts t)
    {
        var text = Encoding.UTF8.GetString(raw.Length > MaxRawChars * 4 ? raw[..(MaxRawChars * 4)] : raw);
        return Create(text, raw.Length, problem, envelope: null, t);
    }

    public static Notification Create(JsonElement root, string problem, Texts.Texts t)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(root);
        var text = Encoding.UTF8.GetString(raw.Length > MaxRawChars * 4 ? raw[..(MaxRawChars * 4)] : raw);
        return Create(text, raw.Length, problem, root.ValueKind == JsonValueKind.Object ? root : null, t);
    }

    private static Notification Create(string text, int totalBytes, string problem, JsonElement? envelope, Texts.Texts t)
    {
        var body = new StringBuilder(Math.Min(text.Length, MaxRawChars) + 1024);
        body.Append(t.FallbackHeadline).Append('\n').Append('\n');
        body.Append("  ").Append(t.FallbackReason).Append(": ");
        SafeText.Append(body, problem, 512);
        body.Append('\n');
        body.Append("  ").Append(t.FallbackSize(totalBytes)).Append('\n');
        body.Append('\n').Append(t.FallbackRawTitle).Append('\n');

        var shown = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var rest = line;
            while (shown < MaxRawChars)
            {
                var take = Math.Min(Math.Min(rest.Length, ChunkChars), MaxRawChars - shown);
                if (take < rest.Length && take > 0 && char.IsHighSurrogate(rest[take - 1]))
                {
                    take--;
                }

                body.Append("  | ");
                SafeText.Append(body, rest[..take], take);
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

        string? source = null, account = null, region = null;
        if (envelope is { } e)
        {
            var detail = JsonFields.Object(e, "detail") ?? e;
            source = JsonFields.String(detail, "eventSource") ?? JsonFields.String(e, "source");
            account = JsonFields.String(e, "account") ?? JsonFields.String(detail, "recipientAccountId");
            region = JsonFields.String(e, "region") ?? JsonFields.String(detail, "awsRegion");
        }

        var attributes = MessageAttributesBuilder.ForUninterpretable(source, account, region);
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
